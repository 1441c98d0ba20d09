using System.Text.Json.Serialization;

namespace Segments.Pipeline.Queries;

/// <summary>One segment a customer is in, why, and their A/B group when the segment has an experiment.</summary>
/// <param name="Segment">Segment id, e.g. <c>rfm:Champions</c>.</param>
/// <param name="Explanation">Plain-words reasons with the numbers behind them.</param>
public sealed record SegmentMembership(string Segment, IReadOnlyList<string> Explanation)
{
    /// <summary>The experiment on this segment, if any.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Experiment { get; init; }

    /// <summary><c>control</c> or <c>treatment</c> in that experiment.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Group { get; init; }
}
