using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Segments.Pipeline.Configuration;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Queries;

/// <summary>
/// Customer lookups by (run, customer id), bounded in entries. A run's generation never changes once it
/// is active, so an entry never goes stale; a flip simply makes lookups ask for new keys. Misses are
/// cached too, so a repeated lookup of an unknown id costs no storage call either.
/// </summary>
public sealed class CustomerCache(SegmentQueries queries, IOptions<SegmentsOptions> options) : IDisposable
{
    // Entries of runs that are no longer active age out instead of waiting for the size limit.
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(30);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.CustomerCacheEntries) });

    /// <summary>
    /// The customer in <paramref name="run"/> with its ETag; from memory unless <paramref name="bypass"/>,
    /// which reads the row again (and refreshes the entry).
    /// </summary>
    public async ValueTask<CachedCustomer> GetAsync(ActiveRun run, string customerId, bool bypass, CancellationToken cancellationToken)
    {
        var key = new Key(run.RunId, customerId);
        if (!bypass && _cache.TryGetValue(key, out CachedCustomer? cached) && cached is not null)
        {
            return cached;
        }

        var lookup = await queries.GetCustomerAsync(run, customerId, cancellationToken).ConfigureAwait(false);
        var json = lookup is null ? null : CustomerETag.Serialize(lookup);
        var entry = new CachedCustomer(lookup, json is null ? null : CustomerETag.Of(run.RunId, json), json);
        _cache.Set(key, entry, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = IdleLifetime });
        return entry;
    }

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();

    private readonly record struct Key(string RunId, string CustomerId);
}

/// <summary>A lookup (null when the run has no such customer), its ETag, and the JSON answer the ETag was computed from.</summary>
public sealed record CachedCustomer(CustomerLookup? Lookup, string? ETag, byte[]? Json);
