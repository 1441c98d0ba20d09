namespace Segments.Core.Recommendations;

/// <summary>
/// Adds up the sufficient statistics of the recommender's models bucket by bucket (<see cref="Add"/>): per product the
/// buyers and Σ w², per pair of products Σ wᵢ·wⱼ over the customers who did both. Sums over customers are additive,
/// so the buckets' statistics add up to the whole population's; with the default weights (1, ½, ¼) every sum is
/// exact, whatever the order. The pairs are a dense triangle of doubles, indexed in the order products are first
/// seen: one column per product, holding its sums with every product seen before it, added when the product is
/// first seen. So it holds exactly products × (products − 1) / 2 × 8 bytes (64 MB for 4,000 products) whatever the
/// customers, and growing copies nothing (one array grown by half again held up to 2.25 times that, and twice it
/// while copying: 2 × 137 MiB at 4,000 products, most of a 1M-customer run's memory). A catalogue's co-occurrence
/// is dense enough (every pair of 4,000 products on the generated 1 GiB export) that a sparse form would hold more.
/// </summary>
public sealed class InteractionStatisticsAccumulator
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<string> _codes = [];
    private readonly List<int> _buyers = [];
    private readonly List<double> _norms = [];
    // _columns[b][a]: the sum of pair (a, b) for a < b (slots in first-seen order).
    private readonly List<double[]> _columns = [];
    private int _buyingCustomers;
    private int _customers;

    /// <summary>Products seen so far.</summary>
    public int Products => _codes.Count;

    /// <summary>Bytes the pair sums hold: products × (products − 1) / 2 doubles.</summary>
    public long PairBytes => (long)_codes.Count * (_codes.Count - 1) / 2 * sizeof(double);

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
                    var (low, high) = slots[a] < slots[b] ? (slots[a], slots[b]) : (slots[b], slots[a]);
                    _columns[high][low] += wa * history.Weights[b];
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
            [.. _columns]);
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
            _columns.Add(new double[slot]);
        }

        return slot;
    }
}
