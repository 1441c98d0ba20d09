using System.Globalization;
using Segments.Core.Scale;
using Segments.Core.Segmentation;

namespace Segments.Core.Tests.Scale;

/// <summary>Every difference between a bucketed run and the whole-population engine, in words.</summary>
internal static class WholePopulationComparison
{
    /// <summary>Customer-level differences (at most <paramref name="limit"/>).</summary>
    public static List<string> CustomerDifferences(SegmentationResult whole, IReadOnlyDictionary<string, CustomerSegmentation> bucketed, int limit = 20)
    {
        var differences = new List<string>();
        if (whole.Customers.Count != bucketed.Count)
        {
            differences.Add($"{whole.Customers.Count} customers in the whole run, {bucketed.Count} bucketed");
        }

        foreach (var expected in whole.Customers)
        {
            if (differences.Count >= limit)
            {
                break;
            }

            if (!bucketed.TryGetValue(expected.CustomerId, out var actual))
            {
                differences.Add($"{expected.CustomerId}: not scored in any bucket");
                continue;
            }

            var e = Describe(expected);
            var a = Describe(actual);
            if (e != a)
            {
                differences.Add($"{expected.CustomerId}: whole {e} / bucketed {a}");
            }
        }

        return differences;
    }

    /// <summary>The largest relative difference between the two runs' fitted parameters (purchase and spend model).</summary>
    public static double LargestParameterDifference(SegmentationResult whole, PopulationModel model)
    {
        var expected = whole.Predictions!;
        var actual = model.Predictions;
        Assert.Equal(expected.ChosenModel, actual.ChosenModel);
        var pairs = new[] { (expected.PurchaseModel, actual.PurchaseModel), (expected.SpendModel, actual.SpendModel) };
        var largest = 0.0;
        foreach (var (e, a) in pairs)
        {
            Assert.NotNull(e);
            Assert.NotNull(a);
            Assert.Equal(e.Parameters.Keys.Order(), a.Parameters.Keys.Order());
            foreach (var (name, value) in e.Parameters)
            {
                largest = Math.Max(largest, Math.Abs(a.Parameters[name] - value) / Math.Abs(value));
            }
        }

        return largest;
    }

    // Everything that must be identical, as text so that a difference reads plainly.
    private static string Describe(CustomerSegmentation c)
    {
        var p = c.Prediction;
        return string.Create(CultureInfo.InvariantCulture,
            $"rfm {c.Rfm.Code} {c.Rfm.Segment} ({c.Rfm.Metrics.RecencyDays}d, {c.Rfm.Metrics.Frequency}, {c.Rfm.Metrics.Monetary}, {c.Rfm.Metrics.Country}) "
            + $"{c.FirstOrderDate:yyyy-MM-dd}..{c.LastOrderDate:yyyy-MM-dd} stage {c.LifecycleStage} cluster {c.Cluster} "
            + $"rules [{string.Join(", ", c.RuleSegments)}] products {c.Products.Count} "
            + $"p_alive {p?.PAlive:R} e30 {p?.ExpectedPurchases30:R} e365 {p?.ExpectedPurchases365:R} churn {p?.ChurnProbability:R} {p?.ChurnRiskBand} next {p?.ExpectedNextOrderDate} "
            + $"historic {p?.HistoricClv:R} tier {p?.SpendTier}");
    }

    /// <summary>
    /// The largest relative difference of a customer's expected order value, 12-month CLV or total CLV. Gamma-Gamma
    /// is fitted on (x, z̄) groups instead of single customers: its sums run in another order, so the optimiser stops
    /// at a slightly different point and the spend values move with it (the tiers and rules above must not).
    /// </summary>
    public static double LargestSpendDifference(SegmentationResult whole, IReadOnlyDictionary<string, CustomerSegmentation> bucketed)
    {
        var largest = 0.0;
        foreach (var expected in whole.Customers)
        {
            var (e, a) = (expected.Prediction, bucketed[expected.CustomerId].Prediction);
            if (e is null || a is null)
            {
                Assert.Equal(e is null, a is null);
                continue;
            }

            foreach (var (x, y) in new[] { (e.ExpectedAverageOrderValue, a.ExpectedAverageOrderValue), (e.Clv12Months, a.Clv12Months), (e.TotalClv, a.TotalClv) })
            {
                Assert.Equal(x.HasValue, y.HasValue);
                if (x is { } u && y is { } v)
                {
                    largest = Math.Max(largest, Math.Abs(u - v) / Math.Max(1e-12, Math.Abs(u)));
                }
            }
        }

        return largest;
    }
}
