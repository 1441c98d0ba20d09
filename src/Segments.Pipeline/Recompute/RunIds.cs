using System.Globalization;

namespace Segments.Pipeline.Recompute;

/// <summary>Run ids that sort by request time and never collide: <c>20261123T120000123Z-3f9a</c>.</summary>
public static class RunIds
{
    /// <summary>A new id for a run requested at <paramref name="requestedAt"/>.</summary>
    public static string New(DateTimeOffset requestedAt) =>
        Stamp(requestedAt) + "-" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..2]);

    /// <summary>The one id of a schedule occurrence (same tick, same id, on every instance).</summary>
    public static string ForOccurrence(DateTimeOffset occurrence) => Stamp(occurrence) + "-timer";

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
}
