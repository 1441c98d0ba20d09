namespace Segments.Core.Experiments;

/// <summary>The two groups of an experiment, as lookups and exports write them.</summary>
public static class ExperimentGroups
{
    /// <summary>Held out: receives no campaign, measures the baseline.</summary>
    public const string Control = "control";

    /// <summary>Receives the campaign.</summary>
    public const string Treatment = "treatment";
}
