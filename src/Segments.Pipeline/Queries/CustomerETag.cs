using System.Security.Cryptography;
using System.Text.Json;

namespace Segments.Pipeline.Queries;

/// <summary>
/// The entity tag of a customer lookup: a hash of the run id and the answer's content, so it changes
/// when either does (a new run that gives the customer the same segments still has a new as-of and run id).
/// </summary>
public static class CustomerETag
{
    // As the host serialises answers: web defaults, enums as names.
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>The lookup as the API answers it: JSON with web defaults (camelCase), UTF-8.</summary>
    public static byte[] Serialize(CustomerLookup lookup) => JsonSerializer.SerializeToUtf8Bytes(lookup, Web);

    /// <summary>The ETag of a lookup of run <paramref name="runId"/> serialised as <paramref name="json"/>.</summary>
    public static string Of(string runId, byte[] json)
    {
        var hash = SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(runId + "\n"), .. json]);
        return "\"" + Convert.ToBase64String(hash, 0, 18).Replace('+', '-').Replace('/', '_') + "\"";
    }

    /// <summary>Whether an <c>If-None-Match</c> header names <paramref name="etag"/> (or is <c>*</c>); weak tags compare by value.</summary>
    public static bool Matches(string? ifNoneMatch, string etag)
    {
        if (string.IsNullOrWhiteSpace(ifNoneMatch))
        {
            return false;
        }

        foreach (var candidate in ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var tag = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
            if (tag == "*" || string.Equals(tag, etag, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
