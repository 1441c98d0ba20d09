namespace Segments.Core.Btyd;

/// <summary>
/// Starting points for the purchase-model fits, scaled to the data so that the same starts work whether time is
/// in days or weeks. The repeat rate m = Σx / ΣT sets the scale of α (purchase-rate heterogeneity has mean r/α)
/// and the mean age sets the scale of β.
/// </summary>
internal static class StartingPointGuide
{
    /// <summary>Starts for (r, α, a, b) of BG/NBD and MBG/NBD.</summary>
    public static IReadOnlyList<double[]> BetaGeometric(GroupedHistories data)
    {
        var (rate, _) = Scales(data);
        return
        [
            [0.5, 0.5 / rate, 1, 2],
            [1, 1, 1, 1],
            [0.1, 0.1 / rate, 0.5, 5],
        ];
    }

    /// <summary>Starts for (r, α, s, β) of Pareto/NBD.</summary>
    public static IReadOnlyList<double[]> Pareto(GroupedHistories data)
    {
        var (rate, age) = Scales(data);
        return
        [
            [0.5, 0.5 / rate, 0.5, age],
            [1, 1, 1, 1],
            [0.1, 0.1 / rate, 1, 2 * age],
        ];
    }

    private static (double RepeatRate, double MeanAge) Scales(GroupedHistories data)
    {
        double purchases = 0, exposure = 0;
        for (var i = 0; i < data.Count; i++)
        {
            purchases += data.Weights[i] * data.RepeatPurchases[i];
            exposure += data.Weights[i] * data.ObservationTimes[i];
        }

        // Floors keep the starts finite for the degenerate data the fitter reports on anyway.
        var meanAge = Math.Max(exposure / data.Customers, 1e-3);
        var rate = purchases > 0 && exposure > 0 ? purchases / exposure : 1 / meanAge;
        return (rate, meanAge);
    }
}
