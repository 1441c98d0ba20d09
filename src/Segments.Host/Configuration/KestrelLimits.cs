using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Segments.Host.Configuration;

/// <summary>
/// Kestrel answers a request line or header block over its own limits (8 KiB and 32 KiB by default) itself,
/// with an empty body. Raising them above the API's limits lets <c>ApiRequestGuard</c> answer those requests,
/// in the error shape; only requests past the raised limits still get Kestrel's bare 414/431.
/// </summary>
public static class KestrelLimits
{
    // How far above the API's limits Kestrel's sit.
    private const int Headroom = 8;

    /// <summary>Sets Kestrel's request-line and header limits to <see cref="Headroom"/> times the API's.</summary>
    public static void RaiseLimitsAbove(this KestrelServerOptions kestrel, int maxUrlChars, int maxHeaderBytes)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        kestrel.Limits.MaxRequestLineSize = Math.Max(kestrel.Limits.MaxRequestLineSize, maxUrlChars * Headroom);
        kestrel.Limits.MaxRequestHeadersTotalSize = Math.Max(kestrel.Limits.MaxRequestHeadersTotalSize, maxHeaderBytes * Headroom);
    }
}
