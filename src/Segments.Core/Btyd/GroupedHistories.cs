namespace Segments.Core.Btyd;

/// <summary>
/// Customer histories with identical (x, t_x, T) merged into one weighted row, laid out as arrays for the
/// likelihood loops. Real logs have day-resolution times, so a million customers fold into about a hundred
/// thousand rows, and those rows share a few hundred distinct values of x, t_x and T: terms that depend on one
/// of them alone (log-gammas, ln(α + T), ln(α + t_x)) are computed once per distinct value and looked up per row.
/// </summary>
public sealed class GroupedHistories
{
    private GroupedHistories(int[] repeatPurchases, double[] lastPurchaseTimes, double[] observationTimes, double[] weights)
    {
        RepeatPurchases = repeatPurchases;
        LastPurchaseTimes = lastPurchaseTimes;
        ObservationTimes = observationTimes;
        Weights = weights;
        Customers = weights.Sum();
        (DistinctRepeatPurchases, RepeatIndex) = Index(repeatPurchases);
        (DistinctLastPurchaseTimes, LastPurchaseIndex) = Index(lastPurchaseTimes);
        (DistinctObservationTimes, ObservationIndex) = Index(observationTimes);
        WeightByRepeatPurchases = new double[DistinctRepeatPurchases.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            WeightByRepeatPurchases[RepeatIndex[i]] += weights[i];
        }
    }

    /// <summary>Distinct histories.</summary>
    public int Count => Weights.Length;

    /// <summary>Customers represented (the sum of the weights).</summary>
    public double Customers { get; }

    /// <summary>x of each row.</summary>
    public int[] RepeatPurchases { get; }

    /// <summary>t_x of each row.</summary>
    public double[] LastPurchaseTimes { get; }

    /// <summary>T of each row.</summary>
    public double[] ObservationTimes { get; }

    /// <summary>Customers in each row.</summary>
    public double[] Weights { get; }

    /// <summary>The distinct values of x, ascending.</summary>
    public int[] DistinctRepeatPurchases { get; }

    /// <summary>Customers per entry of <see cref="DistinctRepeatPurchases"/>.</summary>
    public double[] WeightByRepeatPurchases { get; }

    /// <summary>For each row, the position of its x in <see cref="DistinctRepeatPurchases"/>.</summary>
    public int[] RepeatIndex { get; }

    /// <summary>The distinct values of t_x, ascending.</summary>
    public double[] DistinctLastPurchaseTimes { get; }

    /// <summary>For each row, the position of its t_x in <see cref="DistinctLastPurchaseTimes"/>.</summary>
    public int[] LastPurchaseIndex { get; }

    /// <summary>The distinct values of T, ascending.</summary>
    public double[] DistinctObservationTimes { get; }

    /// <summary>For each row, the position of its T in <see cref="DistinctObservationTimes"/>.</summary>
    public int[] ObservationIndex { get; }

    /// <summary>Groups <paramref name="histories"/> (which the caller has validated).</summary>
    public static GroupedHistories From(IEnumerable<CustomerHistory> histories)
    {
        // Hash into the (few) distinct rows, then sort only those: rows in a fixed order make sums over rows, and
        // so fits, independent of the input order.
        var rowOf = new Dictionary<RowKey, int>();
        var keys = new List<RowKey>();
        var weights = new List<double>();
        foreach (var h in histories)
        {
            var key = new RowKey(h.RepeatPurchases, h.LastPurchaseTime, h.ObservationTime);
            if (rowOf.TryGetValue(key, out var row))
            {
                weights[row] += h.Weight;
                continue;
            }

            rowOf.Add(key, keys.Count);
            keys.Add(key);
            weights.Add(h.Weight);
        }

        var order = Enumerable.Range(0, keys.Count).ToArray();
        Array.Sort(order, (p, q) => keys[p].CompareTo(keys[q]));
        return new GroupedHistories(
            [.. order.Select(i => keys[i].RepeatPurchases)],
            [.. order.Select(i => keys[i].LastPurchaseTime)],
            [.. order.Select(i => keys[i].ObservationTime)],
            [.. order.Select(i => weights[i])]);
    }

    /// <summary>The rows back as histories.</summary>
    public IEnumerable<CustomerHistory> Rows() =>
        Enumerable.Range(0, Count).Select(i => new CustomerHistory(RepeatPurchases[i], LastPurchaseTimes[i], ObservationTimes[i], Weights[i]));

    private static (T[] Distinct, int[] Index) Index<T>(T[] values)
        where T : notnull
    {
        var distinct = values.Distinct().Order().ToArray();
        var position = new Dictionary<T, int>(distinct.Length);
        for (var i = 0; i < distinct.Length; i++)
        {
            position[distinct[i]] = i;
        }

        var index = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            index[i] = position[values[i]];
        }

        return (distinct, index);
    }

    private readonly record struct RowKey(int RepeatPurchases, double LastPurchaseTime, double ObservationTime) : IComparable<RowKey>
    {
        public int CompareTo(RowKey other)
        {
            var c = RepeatPurchases.CompareTo(other.RepeatPurchases);
            if (c == 0)
            {
                c = LastPurchaseTime.CompareTo(other.LastPurchaseTime);
            }

            return c == 0 ? ObservationTime.CompareTo(other.ObservationTime) : c;
        }
    }
}
