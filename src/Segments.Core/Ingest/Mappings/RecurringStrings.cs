using Segments.Core.Transactions;

namespace Segments.Core.Ingest.Mappings;

/// <summary>
/// The strings a mapper makes for every row although they recur: countries, products, the order id on each
/// line of the same order, the same customer's normalised id. Each is made once and handed out again, which
/// saves an allocation per field; on the parallel path it also keeps rows waiting to be written from holding
/// thousands of copies through a garbage collection. Values are the same text as before, so nothing changes
/// downstream. The caches are bounded: past their size they start over.
/// </summary>
internal sealed class RecurringStrings(CustomerIdPolicy customers)
{
    private const int MaxEntries = 64 * 1024;

    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _customerIds = new(StringComparer.Ordinal);
    private string _lastOrder = string.Empty;

    /// <summary>The text as a string.</summary>
    public string Text(ReadOnlySpan<char> text) => Cached(_texts, text, static t => t.ToString());

    /// <summary>An order id: most rows carry the same one as the row before.</summary>
    public string OrderId(ReadOnlySpan<char> text) =>
        text.SequenceEqual(_lastOrder) ? _lastOrder : _lastOrder = text.ToString();

    /// <summary>The customer id as <see cref="CustomerIdPolicy.Normalize"/> makes it from <paramref name="raw"/>.</summary>
    public string CustomerId(ReadOnlySpan<char> raw) => Cached(_customerIds, raw, id => customers.Normalize(id));

    private static string Cached(Dictionary<string, string> cache, ReadOnlySpan<char> key, Func<string, string> make)
    {
        if (key.IsEmpty)
        {
            return make(string.Empty);
        }

        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(key, out var value))
        {
            return value;
        }

        if (cache.Count >= MaxEntries)
        {
            cache.Clear();
        }

        var text = key.ToString();
        value = make(text);
        cache[text] = value;
        return value;
    }
}
