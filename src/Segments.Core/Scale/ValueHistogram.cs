namespace Segments.Core.Scale;

/// <summary>
/// Exact counts of distinct values: what a percentile over a whole population needs, merged from parts. The
/// linear percentile of the histogram equals <see cref="Rfm.Percentile.Linear"/> over the sorted values to the last
/// digit, because it reads the same two order statistics and interpolates with the same decimal arithmetic.
/// </summary>
public sealed class ValueHistogram
{
    private readonly SortedDictionary<decimal, long> _counts = [];

    /// <summary>Values counted (with repeats).</summary>
    public long Count { get; private set; }

    /// <summary>Distinct values with their counts, ascending.</summary>
    public IEnumerable<KeyValuePair<decimal, long>> Entries => _counts;

    /// <summary>Distinct values.</summary>
    public int DistinctCount => _counts.Count;

    /// <summary>Counts <paramref name="value"/> <paramref name="times"/> times.</summary>
    public void Add(decimal value, long times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        // 2.50 and 2.5 are one value; keeping the shortest form makes the histogram (and its bytes) independent of
        // which part saw a value first.
        var key = Normalised(value);
        _counts[key] = _counts.GetValueOrDefault(key) + times;
        Count += times;
    }

    /// <summary>Adds every count of <paramref name="other"/>.</summary>
    public void AddAll(ValueHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (value, times) in other._counts)
        {
            Add(value, times);
        }
    }

    /// <summary>
    /// numpy's linear percentile of the counted values, as <see cref="Rfm.Percentile.Linear"/> computes it over them
    /// sorted: h = (n − 1)·p, interpolating between the order statistics at ⌊h⌋ and ⌊h⌋ + 1.
    /// </summary>
    public decimal Linear(decimal p)
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("A percentile needs at least one value.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1m);
        var h = (Count - 1) * p;
        var lower = (long)decimal.Floor(h);
        if (lower >= Count - 1)
        {
            return _counts.Keys.Last();
        }

        var (atLower, atUpper) = OrderStatistics(lower);
        var fraction = h - lower;
        return atLower + (fraction * (atUpper - atLower));
    }

    // The values at sorted positions index and index + 1.
    private (decimal AtIndex, decimal AtNext) OrderStatistics(long index)
    {
        long seen = 0;
        decimal? atIndex = null;
        foreach (var (value, times) in _counts)
        {
            seen += times;
            if (atIndex is null && seen > index)
            {
                atIndex = value;
            }

            if (atIndex is { } found && seen > index + 1)
            {
                return (found, value);
            }
        }

        throw new InvalidOperationException("Index beyond the counted values.");
    }

    private static decimal Normalised(decimal value) => value / 1.000000000000000000000000000000000m;
}
