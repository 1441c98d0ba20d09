using Segments.Core.Transactions;

namespace Segments.Core.Ingest.Mappings;

/// <summary>
/// The strings a mapper makes for every row although they recur: countries, products, the order id on each
/// line of the same order, the same customer's normalised id. Each is made once and handed out again, which
/// saves an allocation per field; on the parallel path it also keeps rows waiting to be written from holding
/// thousands of copies through a garbage collection. Values are the same text as before, so nothing changes
/// downstream. The caches are bounded: past their size they start over. Customers come from
/// <paramref name="customers"/>, which the workers of one file's read share.
/// </summary>
internal sealed class RecurringStrings(CustomerEntries customers)
{
    private const int MaxOthers = 64 * 1024;

    private readonly Cache<string> _countries = new(static text => text, MaxOthers);
    private readonly Cache<string> _products = new(static text => text, MaxOthers);
    private string _lastOrder = string.Empty;
    private CustomerEntry _lastCustomer = customers.Empty;

    /// <summary>Strings of one mapper's own, customers included.</summary>
    public RecurringStrings(CustomerIdPolicy customers)
        : this(new CustomerEntries(customers))
    {
    }

    /// <summary>A country as a string.</summary>
    public string Country(ReadOnlySpan<char> text) => _countries.Get(text);

    /// <summary>A product as a string.</summary>
    public string Product(ReadOnlySpan<char> text) => _products.Get(text);

    /// <summary>An order id: most rows carry the same one as the row before.</summary>
    public string OrderId(ReadOnlySpan<char> text) =>
        text.SequenceEqual(_lastOrder) ? _lastOrder : _lastOrder = text.ToString();

    /// <summary>The customer id as <see cref="CustomerIdPolicy.Normalize"/> makes it from <paramref name="raw"/>.</summary>
    public string CustomerId(ReadOnlySpan<char> raw) => Customer(raw).Id;

    /// <summary>
    /// The customer of <paramref name="raw"/>: its id (as <see cref="CustomerId"/>) and what a fold keeps for it, one
    /// entry per id text in the shared table. The text before is checked first, as rows of one order repeat it; an
    /// empty field (a guest sale's) is answered without the table and leaves that text as it was.
    /// </summary>
    public CustomerEntry Customer(ReadOnlySpan<char> raw)
    {
        if (raw.IsEmpty)
        {
            return customers.Empty;
        }

        return raw.SequenceEqual(_lastCustomer.Text) ? _lastCustomer : _lastCustomer = customers.Get(raw);
    }

    /// <summary>Values made from text, by the text; the last one is checked first, as rows of one order repeat it.</summary>
    private sealed class Cache<TValue>
    {
        private readonly Func<string, TValue> _make;
        private readonly int _maxEntries;
        private readonly Dictionary<string, TValue> _values = new(StringComparer.Ordinal);
        private readonly Dictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly TValue _emptyValue;
        private string _lastKey = string.Empty;
        private TValue _lastValue;

        public Cache(Func<string, TValue> make, int maxEntries)
        {
            _make = make;
            _maxEntries = maxEntries;
            _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();
            _emptyValue = _lastValue = make(string.Empty);
        }

        public TValue Get(ReadOnlySpan<char> key)
        {
            // An empty field (a guest sale's missing customer, between orders of known ones) is answered without the
            // dictionary and leaves the last key as it was.
            if (key.IsEmpty)
            {
                return _emptyValue;
            }

            if (key.SequenceEqual(_lastKey))
            {
                return _lastValue;
            }

            if (!_lookup.TryGetValue(key, out var known, out var value))
            {
                if (_values.Count >= _maxEntries)
                {
                    _values.Clear();
                }

                var text = key.ToString();
                value = _make(text);
                _values[text] = value;
                (_lastKey, _lastValue) = (text, value);
                return value;
            }

            (_lastKey, _lastValue) = (known, value);
            return value;
        }
    }
}
