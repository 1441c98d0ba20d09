using System.Net.Http.Headers;
using System.Text;

namespace Segments.Pipeline.Tracking;

/// <summary>
/// The user name of an HTTP Basic <c>Authorization</c> header (RFC 7617), which the Segment tracking API reads as
/// the write key: <c>Basic base64("KEY:")</c>. As Segment does for backward compatibility, a value encoded without
/// the colon is the key whole.
/// </summary>
public static class BasicCredentials
{
    /// <summary>The user name, or null when the header is absent, not Basic, or not base64 of UTF-8 text.</summary>
    public static string? UserName(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization) || !AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is not { Length: > 0 } encoded)
        {
            return null;
        }

        var bytes = new byte[(encoded.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(encoded, bytes, out var length))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? decoded : decoded[..colon];
    }
}
