using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Segments.Pipeline.Configuration;

namespace Segments.Pipeline.Tracking;

/// <summary>
/// The write keys the tracking API takes (<c>Segments:WriteKeys:{name}</c>; several, so a key can be rotated: add
/// the new one, move the senders, remove the old one). Keys are held as SHA-256 hashes and a sent key is compared
/// in constant time against every one of them, so neither its length nor which key matched shows in the timing.
/// </summary>
public sealed class WriteKeyRing
{
    private readonly (string Name, byte[] Hash)[] _keys;

    /// <summary>The ring of the configured write keys (empty values are ignored).</summary>
    public WriteKeyRing(IOptions<SegmentsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = [.. options.Value.WriteKeys
            .Where(key => !string.IsNullOrEmpty(key.Value))
            .OrderBy(key => key.Key, StringComparer.Ordinal)
            .Select(key => (key.Key, Hash(key.Value)))];
    }

    /// <summary>Whether any write key is configured (without one the tracking API refuses every request).</summary>
    public bool IsConfigured => _keys.Length > 0;

    /// <summary>The name of the write key <paramref name="given"/> is, or null when it is none of them (or empty).</summary>
    public string? NameOf(string? given)
    {
        if (string.IsNullOrEmpty(given))
        {
            return null;
        }

        var hash = Hash(given);
        string? match = null;
        foreach (var (name, key) in _keys)
        {
            // Every key is compared, whatever matched before: the time does not say which.
            if (CryptographicOperations.FixedTimeEquals(hash, key))
            {
                match = name;
            }
        }

        return match;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
