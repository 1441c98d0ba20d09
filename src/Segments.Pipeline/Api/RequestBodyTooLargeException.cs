namespace Segments.Pipeline.Api;

/// <summary>A request body went past its route's limit while it was read (<see cref="BoundedReadStream"/>).</summary>
/// <remarks>
/// <paramref name="setting"/> names what sets the limit: a setting (<c>Segments:MaxLookupBodyBytes</c>), or a limit the
/// route's contract fixes (<see cref="Tracking.TrackingLimits.BatchLimitName"/>), which is said as it is.
/// </remarks>
public sealed class RequestBodyTooLargeException(long limitBytes, string setting)
    : IOException($"The request body is larger than {limitBytes:N0} bytes, the most this route takes ({(setting.StartsWith(SegmentsSettingPrefix, StringComparison.Ordinal) ? "setting " + setting : setting)}).")
{
    /// <summary>The limit that was passed, in bytes.</summary>
    public long LimitBytes { get; } = limitBytes;

    // A limit named by its setting (Segments:...) is said as "setting Segments:...".
    private const string SegmentsSettingPrefix = Configuration.SegmentsOptions.Section + ":";

    /// <summary>What gives the limit, e.g. the setting <c>Segments:MaxLookupBodyBytes</c>.</summary>
    public string Setting { get; } = setting;
}
