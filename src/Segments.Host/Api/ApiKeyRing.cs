using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Segments.Pipeline.Configuration;

namespace Segments.Host.Api;

/// <summary>What a request's key is worth.</summary>
internal enum KeyCheck
{
    /// <summary>The key opens the route.</summary>
    Accepted,

    /// <summary>No key was sent.</summary>
    Missing,

    /// <summary>A key was sent, but it is not one that opens the route.</summary>
    Wrong,
}

/// <summary>
/// The keys of the app, as Azure Functions has them: function keys (<c>Segments:FunctionKey</c> and named
/// <c>Segments:FunctionKeys:{name}</c>) open the read routes, the admin key (<c>Segments:AdminKey</c>, the
/// master key's role) opens every route. Keys are held as SHA-256 hashes and compared in constant time,
/// against every key each time, so neither the length nor which key matched shows in the timing.
/// </summary>
internal sealed class ApiKeyRing
{
    private readonly byte[]? _admin;
    private readonly byte[][] _function;

    public ApiKeyRing(IOptions<SegmentsOptions> options)
    {
        var settings = options.Value;
        _admin = string.IsNullOrEmpty(settings.AdminKey) ? null : Hash(settings.AdminKey);
        _function = new[] { settings.FunctionKey }.Concat(settings.FunctionKeys.Values)
            .Where(key => !string.IsNullOrEmpty(key))
            .Select(key => Hash(key!))
            .ToArray();
    }

    /// <summary>Whether <paramref name="given"/> opens a route that needs the admin key (<paramref name="adminOnly"/>) or any key.</summary>
    public KeyCheck Check(string? given, bool adminOnly)
    {
        if (string.IsNullOrEmpty(given))
        {
            return KeyCheck.Missing;
        }

        var hash = Hash(given);
        var accepted = _admin is not null && CryptographicOperations.FixedTimeEquals(hash, _admin);
        if (!adminOnly)
        {
            foreach (var key in _function)
            {
                accepted |= CryptographicOperations.FixedTimeEquals(hash, key);
            }
        }

        return accepted ? KeyCheck.Accepted : KeyCheck.Wrong;
    }

    /// <summary>
    /// Checks the keys a request carries, header <c>x-functions-key</c> and query <c>code</c>, as the Functions
    /// host reads them; either one that opens the route is enough.
    /// </summary>
    public KeyCheck Check(HttpRequest request, bool adminOnly)
    {
        var header = request.Headers["x-functions-key"].FirstOrDefault();
        var query = request.Query["code"].FirstOrDefault();
        var fromHeader = Check(header, adminOnly);
        var fromQuery = Check(query, adminOnly);
        return fromHeader == KeyCheck.Accepted || fromQuery == KeyCheck.Accepted ? KeyCheck.Accepted
            : fromHeader == KeyCheck.Missing && fromQuery == KeyCheck.Missing ? KeyCheck.Missing
            : KeyCheck.Wrong;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
