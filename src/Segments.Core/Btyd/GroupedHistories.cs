namespace Segments.Core.Btyd;

/// <summary>
/// Customer histories with identical (x, t_x, T) merged into one weighted row, laid out as arrays for the
/// likelihood loops. Real logs have day-resolution times, so a million customers fold into far fewer rows and
/// a likelihood evaluation costs per distinct history, not per customer.
/// </summary>
public sealed class GroupedHistories
{
    private GroupedHistories(int[] repeatPurchases, double[] lastPurchaseTimes, double[] observationTimes, double[] weights, double customers)
    {
        RepeatPurchases = repeatPurchases;
        LastPurchaseTimes = lastPurchaseTimes;
        ObservationTimes = observationTimes;
        Weights = weights;
        Customers = customers;
        DistinctRepeatPurchases = [.. repeatPurchases.Distinct().Order()];
        var weightByRepeat = new double[DistinctRepeatPurchases.Length];
        RepeatIndex = new int[repeatPurchases.Length];
        var index = DistinctRepeatPurchases.Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i);
        for (var i = 0; i < repeatPurchases.Length; i++)
        {
            RepeatIndex[i] = index[repeatPurchases[i]];
            weightByRepeat[RepeatIndex[i]] += weights[i];
        }

        WeightByRepeatPurchases = weightByRepeat;
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

    /// <summary>The distinct values of x, ascending: terms that depend on x alone are computed once per value.</summary>
    public int[] DistinctRepeatPurchases { get; }

    /// <summary>Customers per entry of <see cref="DistinctRepeatPurchases"/>.</summary>
    public double[] WeightByRepeatPurchases { get; }

    /// <summary>For each row, the position of its x in <see cref="DistinctRepeatPurchases"/>.</summary>
    public int[] RepeatIndex { get; }

    /// <summary>Groups <paramref name="histories"/> (which the caller has validated).</summary>
    public static GroupedHistories From(IEnumerable<CustomerHistory> histories)
    {
        var rows = new Dictionary<(int, double, double), double>();
        foreach (var h in histories)
        {
            var key = (h.RepeatPurchases, h.LastPurchaseTime, h.ObservationTime);
            rows[key] = rows.GetValueOrDefault(key) + h.Weight;
        }

        // Sorted so that sums over rows, and so fits, do not depend on the input order.
        var ordered = rows.OrderBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2).ThenBy(p => p.Key.Item3).ToArray();
        return new GroupedHistories(
            [.. ordered.Select(p => p.Key.Item1)],
            [.. ordered.Select(p => p.Key.Item2)],
            [.. ordered.Select(p => p.Key.Item3)],
            [.. ordered.Select(p => p.Value)],
            ordered.Sum(p => p.Value));
    }

    /// <summary>The rows back as histories.</summary>
    public IEnumerable<CustomerHistory> Rows() =>
        Enumerable.Range(0, Count).Select(i => new CustomerHistory(RepeatPurchases[i], LastPurchaseTimes[i], ObservationTimes[i], Weights[i]));
}
