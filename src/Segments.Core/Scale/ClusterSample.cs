namespace Segments.Core.Scale;

/// <summary>
/// A bottom-k sample of customers by <see cref="StableHash"/> of their id: the <see cref="Capacity"/> customers
/// with the smallest hashes. Merging two samples and keeping the smallest again gives the bottom-k of the union, so
/// the merged sample is the same whatever the buckets and their order; with no more customers than the capacity it
/// is every customer, and k-means on it is exactly today's k-means on the whole population.
/// </summary>
public sealed class ClusterSample(int capacity)
{
    private readonly List<SampledCustomer> _customers = [];
    private bool _trimmed = true;

    /// <summary>The most customers kept.</summary>
    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The clustering sample needs room for at least one customer.");

    /// <summary>The kept customers, ordered by hash then id.</summary>
    public IReadOnlyList<SampledCustomer> Customers
    {
        get
        {
            Trim();
            return _customers;
        }
    }

    /// <summary>Offers one customer.</summary>
    public void Add(SampledCustomer customer)
    {
        _customers.Add(customer);
        _trimmed = false;
        if (_customers.Count >= 2 * Capacity)
        {
            Trim();
        }
    }

    /// <summary>Offers every customer of <paramref name="other"/>.</summary>
    public void AddAll(ClusterSample other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var customer in other.Customers)
        {
            Add(customer);
        }
    }

    private void Trim()
    {
        if (_trimmed)
        {
            return;
        }

        _customers.Sort(static (a, b) => a.Hash != b.Hash ? a.Hash.CompareTo(b.Hash) : string.CompareOrdinal(a.CustomerId, b.CustomerId));
        if (_customers.Count > Capacity)
        {
            _customers.RemoveRange(Capacity, _customers.Count - Capacity);
        }

        _trimmed = true;
    }
}
