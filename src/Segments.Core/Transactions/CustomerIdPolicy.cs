using System.Security.Cryptography;
using System.Text;
using Segments.Core.Ingest;

namespace Segments.Core.Transactions;

/// <summary>
/// The one way customer ids are normalised everywhere (ingest, lookups, CLI): <see cref="CustomerIdNormalizer"/>
/// rules, then an e-mail address (an id containing '@') lower-cased and, when configured, replaced by
/// <c>email:</c> + the first 128 bits of HMAC-SHA256 under the store's key, so no plain e-mail reaches the tables.
/// </summary>
public sealed class CustomerIdPolicy(IngestOptions options)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.EmailHashKey);

    /// <summary>The normalised id, or an empty string when nothing is left.</summary>
    public string Normalize(ReadOnlySpan<char> raw)
    {
        var id = CustomerIdNormalizer.Normalize(raw);
        if (!id.Contains('@', StringComparison.Ordinal))
        {
            return id;
        }

        var email = id.ToLowerInvariant();
        if (!options.HashEmails)
        {
            return email;
        }

        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(email));
        return "email:" + Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }
}
