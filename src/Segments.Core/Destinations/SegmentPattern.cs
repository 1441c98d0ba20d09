namespace Segments.Core.Destinations;

/// <summary>
/// A segment a destination follows: an id (<c>rfm:Champions</c>) or a whole family (<c>rfm:*</c>). Families are matched
/// by the id's prefix, never by a list of known families, so a family added later (<c>behaviour:</c>, <c>predictive:</c>)
/// is followed without a change here.
/// </summary>
public static class SegmentPattern
{
    /// <summary>The suffix that makes a pattern follow a whole family.</summary>
    public const string WholeFamily = ":*";

    /// <summary>Whether <paramref name="pattern"/> takes in <paramref name="segmentId"/> (ignoring case, as segment names are resolved).</summary>
    public static bool Matches(string pattern, string segmentId)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(segmentId);
        return pattern.EndsWith(WholeFamily, StringComparison.Ordinal)
            ? segmentId.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, segmentId, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>What is wrong with the pattern's shape (<c>family:name</c> or <c>family:*</c>), or null.</summary>
    public static string? ProblemWith(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var colon = pattern.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 || colon == pattern.Length - 1
            ? $"'{pattern}' is not a segment id: write family:name (rfm:Champions, lifecycle:At Risk, rule:My segment) or family:* for a whole family"
            : null;
    }
}
