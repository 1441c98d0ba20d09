namespace Segments.Core.Recommendations;

/// <summary>
/// Adds up the sufficient statistics of the recommender's models bucket by bucket (<see cref="Add"/>): per product the
/// buyers and Σ w², per pair of products Σ wᵢ·wⱼ over the customers who did both. Sums over customers are additive,
/// so the buckets' statistics add up to the whole population's; with the default weights (1, ½, ¼) every sum is
/// exact, whatever the order. The pairs are one dense triangle of doubles, indexed in the order products are first
/// seen and grown as new ones come (column by column, so growing copies and never moves an entry): products²/2 × 8
/// bytes (64 MB for 4,000 products), in place, whatever the customers — a catalogue's co-occurrence is dense enough
/// (every pair of 4,000 products on the generated 1 GiB export) that a sparse form would hold more.
/// </summary>
public sealed class InteractionStatisticsAccumulator
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<string> _codes = [];
    private readonly List<int> _buyers = [];
    private readonly List<double> _norms = [];
    private double[] _pairs = [];
    private int _buyingCustomers;
    private int _customers;

    /// <summary>Products seen so far.</summary>
    public int Products => _codes.Count;

    /// <summary>Bytes the pair sums hold (room for more products included).</summary>
    public long PairBytes => (long)_pairs.Length * sizeof(double);

    /// <summary>The position of pair (a, b) in the triangle (column max(a, b), row min(a, b)).</summary>
    public static long Triangle(int a, int b) => a <= b ? ((long)b * (b + 1) / 2) + a : ((long)a * (a + 1) / 2) + b;

    /// <summary>Adds the customers of <paramref name="matrix"/> (one bucket's: customers not added before).</summary>
    public void Add(InteractionMatrix matrix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var slot = new int[matrix.Products.Count];
        for (var i = 0; i < slot.Length; i++)
        {
            slot[i] = SlotOf(matrix.Products[i]);
            _buyers[slot[i]] += matrix.Buyers[i];
        }

        Reserve(_codes.Count);
        _buyingCustomers += matrix.BuyingCustomers;
        _customers += matrix.Customers.Count;
        var slots = new int[16];
        foreach (var history in matrix.Customers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = history.Products.Length;
            if (slots.Length < n)
            {
                slots = new int[n * 2];
            }

            for (var k = 0; k < n; k++)
            {
                slots[k] = slot[history.Products[k]];
                _norms[slots[k]] += history.Weights[k] * history.Weights[k];
            }

            for (var a = 0; a < n; a++)
            {
                var wa = history.Weights[a];
                for (var b = a + 1; b < n; b++)
                {
                    // Single-precision products summed in double, as ItemCosineModel sums them.
                    _pairs[Triangle(slots[a], slots[b])] += wa * history.Weights[b];
                }
            }
        }
    }

    /// <summary>The statistics added so far, products in ordinal order.</summary>
    public PairStatistics Build()
    {
        var order = Enumerable.Range(0, _codes.Count).OrderBy(i => _codes[i], StringComparer.Ordinal).ToArray();
        return new PairStatistics(
            order.Select(i => _codes[i]).ToArray(),
            order.Select(i => _buyers[i]).ToArray(),
            order.Select(i => _norms[i]).ToArray(),
            _buyingCustomers,
            _customers,
            order,
            _pairs);
    }

    private int SlotOf(string code)
    {
        if (!_slots.TryGetValue(code, out var slot))
        {
            slot = _codes.Count;
            _slots[code] = slot;
            _codes.Add(code);
            _buyers.Add(0);
            _norms.Add(0);
        }

        return slot;
    }

    private void Reserve(int products)
    {
        var needed = Triangle(products, products);
        if (_pairs.Length >= needed)
        {
            return;
        }

        // Room for a sixteenth more products: a bucket of a large run sees nearly the whole catalogue, so the first
        // bucket sizes the triangle and later ones rarely grow it; room for half as many again (as before) held
        // 2.25 times the pairs needed: 137 MiB per side at 4,000 products, now 68 (segments recommend --buckets 64, 1M customers).
        var room = Math.Max(products + (products / 16), 64);
        var size = Math.Min(Triangle(room, room), Array.MaxLength);
        if (size < needed)
        {
            throw new InvalidOperationException(
                $"{products:N0} products: more than the recommender's pair sums hold in one array (about 65,000 products); bucketed runs cannot recommend over this catalogue");
        }

        Array.Resize(ref _pairs, (int)size);
    }
}
