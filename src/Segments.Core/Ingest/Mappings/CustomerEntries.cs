using System.Collections.Concurrent;
using Segments.Core.Transactions;

namespace Segments.Core.Ingest.Mappings;

/// <summary>
/// The customers of one file's read, one <see cref="CustomerEntry"/> per id text, shared by the mappers of every parse
/// worker (<see cref="RecurringStrings.Customer"/>). Shared rather than one table per worker: a customer's orders are
/// spread over the file, so with a table per worker (three or four at once) most of a customer's orders met an entry
/// made anew, normalised anew and, when folded, resolved anew. Bounded like the workers' caches: past its size it
/// starts over, which only costs making entries again.
/// </summary>
internal sealed class CustomerEntries
{
    // As RecurringStrings' caches were: 256K ids of ~10 characters are some 30 MB at most.
    private const int MaxEntries = 256 * 1024;

    private readonly CustomerIdPolicy _customers;
    private readonly ConcurrentDictionary<string, CustomerEntry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CustomerEntry>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private int _added;

    /// <summary>An empty table for one file's read, ids normalised by <paramref name="customers"/>.</summary>
    public CustomerEntries(CustomerIdPolicy customers)
    {
        _customers = customers;
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
        Empty = new(string.Empty, customers.Normalize([]));
    }

    /// <summary>The entry of an empty field (no customer).</summary>
    public CustomerEntry Empty { get; }

    /// <summary>The entry of <paramref name="raw"/>, its id as <see cref="CustomerIdPolicy.Normalize"/> makes it; safe from any thread.</summary>
    public CustomerEntry Get(ReadOnlySpan<char> raw)
    {
        if (_lookup.TryGetValue(raw, out var known))
        {
            return known;
        }

        if (Interlocked.Increment(ref _added) > MaxEntries)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _added, 0);
        }

        var text = raw.ToString();
        return _entries.GetOrAdd(text, new CustomerEntry(text, _customers.Normalize(text)));
    }
}
