using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Segments.Pipeline.Configuration;
using Segments.Storage.Generations;

namespace Segments.Pipeline.Queries;

/// <summary>What a continuation token carries: the run it pins, the segment, and the last row served.</summary>
public sealed record PageToken(string RunId, string SegmentId, GenerationPosition After)
{
    /// <summary>The consent channel (<c>email</c>, <c>sms</c>) the listing is filtered by; null when unfiltered.</summary>
    public string? Consent { get; init; }
}

/// <summary>
/// Writes and reads continuation tokens: base64url JSON plus an HMAC-SHA256 tag, so the client cannot
/// steer a scan into another run or segment, and a malformed, tampered or foreign token is refused
/// rather than failing deep inside a query.
/// </summary>
public sealed class PageTokenCodec(IOptions<SegmentsOptions> options)
{
    private const int TagBytes = 16;
    private readonly byte[] _key = KeyOf(options.Value);

    /// <summary>The opaque token text.</summary>
    public string Encode(PageToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(token.RunId, token.SegmentId, token.After.PartitionKey, token.After.RowKey, token.Consent));
        return Base64Url(payload) + "." + Base64Url(Tag(payload));
    }

    /// <summary>The token, or null when the text is not one this app issued (or was altered).</summary>
    public PageToken? Decode(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !TryFromBase64Url(text[..dot], out var payload) || !TryFromBase64Url(text[(dot + 1)..], out var tag)
            || !CryptographicOperations.FixedTimeEquals(tag, Tag(payload)))
        {
            return null;
        }

        try
        {
            var p = JsonSerializer.Deserialize<Payload>(payload);
            return p is { R: not null, S: not null, P: not null, K: not null } ? new PageToken(p.R, p.S, new GenerationPosition(p.P, p.K)) { Consent = p.C } : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private byte[] Tag(byte[] payload) => HMACSHA256.HashData(_key, payload)[..TagBytes];

    private static byte[] KeyOf(SegmentsOptions settings) =>
        settings.PageTokenKey is { Length: > 0 } key ? SHA256.HashData(Encoding.UTF8.GetBytes(key))
        : settings.AdminKey is { Length: > 0 } admin ? HMACSHA256.HashData(Encoding.UTF8.GetBytes(admin), "segments page tokens"u8)
        : RandomNumberGenerator.GetBytes(32);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        bytes = new byte[padded.Length];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }

    // Short names: the token travels in a query string. C (the consent filter) is left out when null, so
    // unfiltered tokens read as before.
    private sealed record Payload(string? R, string? S, string? P, string? K, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? C = null);
}
