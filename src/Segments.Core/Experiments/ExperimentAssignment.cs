namespace Segments.Core.Experiments;

/// <summary>A customer's group in the experiment on one of their segments.</summary>
/// <param name="Segment">Segment id, e.g. <c>rfm:At Risk</c>.</param>
/// <param name="Experiment">Experiment name.</param>
/// <param name="Group"><c>control</c> or <c>treatment</c> (see <see cref="ExperimentGroups"/>).</param>
public sealed record ExperimentAssignment(string Segment, string Experiment, string Group);
