namespace Segments.Pipeline.Api;

/// <summary>A request body went past its route's limit while it was read (<see cref="BoundedReadStream"/>).</summary>
public sealed class RequestBodyTooLargeException(long limitBytes, string setting)
    : IOException($"The request body is larger than {limitBytes:N0} bytes, the most this route takes (setting {setting}).")
{
    /// <summary>The limit that was passed, in bytes.</summary>
    public long LimitBytes { get; } = limitBytes;

    /// <summary>The setting that gives the limit, e.g. <c>Segments:MaxLookupBodyBytes</c>.</summary>
    public string Setting { get; } = setting;
}
