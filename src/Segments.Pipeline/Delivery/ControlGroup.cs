namespace Segments.Pipeline.Delivery;

/// <summary>The group name of A/B control-group members (<see cref="Core.Experiments.ExperimentGroups"/>).</summary>
internal static class ControlGroup
{
    public static bool Is(string? group) => string.Equals(group, Core.Experiments.ExperimentGroups.Control, StringComparison.Ordinal);
}
