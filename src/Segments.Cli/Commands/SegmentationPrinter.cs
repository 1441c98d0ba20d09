using System.Globalization;
using Segments.Core.Rfm;
using Segments.Core.Segmentation;

namespace Segments.Cli.Commands;

/// <summary>Prints what a segmentation found, section by section.</summary>
internal static class SegmentationPrinter
{
    public static void Print(SegmentationResult result)
    {
        Console.WriteLine($"as of {result.AsOf:yyyy-MM-dd}: customers scored {result.Customers.Count}");
        Section("RFM segments", result.Rfm.CountBySegment());

        var t = result.Lifecycle.Thresholds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lifecycle thresholds ({t.Source}, {t.RepeatCustomers} repeat customers): new <= {t.NewWindowDays} d, active <= {t.ActiveMaxDays} d, at risk <= {t.AtRiskMaxDays} d, lapsed <= {t.LapsedMaxDays} d"));
        Section("lifecycle stages", result.Lifecycle.CountByStage());

        Console.WriteLine($"clusters (k = {result.Clusters.K}): centroid recency days / orders / revenue");
        foreach (var cluster in result.Clusters.Clusters)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  cluster {cluster.Cluster,-2} {cluster.Size,8}   {cluster.RecencyDays,8:0.#} {cluster.Frequency,8:0.##} {cluster.Monetary,12:0.00}"));
        }

        if (result.Predictions is { } models)
        {
            Console.WriteLine($"purchase models (holdout {models.HoldoutWeeks:0.#} weeks): chosen {models.ChosenModel ?? "none"} — {models.Reason}");
            foreach (var candidate in models.Candidates)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {candidate.Model,-10} converged {candidate.Converged}, LL {candidate.LogLikelihood:0.##}, holdout RMSE {candidate.HoldoutRootMeanSquaredError:0.####}, predicted {candidate.HoldoutPredictedPurchases:0.#} vs actual {candidate.HoldoutActualPurchases:0} {Parameters(candidate)}{candidate.Reason}{Estimation(candidate)}"));
            }

            if (models.PurchaseModel is { } refit)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  refit {refit.Model} on all data: LL {refit.LogLikelihood:0.##} {Parameters(refit)}{Estimation(refit)}"));
            }

            if (models.SpendModel is { } spend)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  spend {spend.Model}: converged {spend.Converged}, LL {spend.LogLikelihood:0.##} {Parameters(spend)}{spend.Reason}"));
            }

            if (models.Accuracy is { } accuracy)
            {
                HoldoutAccuracyPrinter.Print(accuracy, Console.Out);
            }

            if (models.Segments.Count > 0)
            {
                Section(string.Create(CultureInfo.InvariantCulture, $"predictive segments (churn over {models.Churn?.HorizonDays} days: medium from {models.Churn?.MediumThreshold}, high from {models.Churn?.HighThreshold})"), models.Segments);
            }
        }

        if (result.RuleSegmentCounts.Count > 0)
        {
            Section("rule segments", result.RuleSegmentCounts);
        }
    }

    private static string Estimation(ModelReport report) =>
        report.Fallback is null ? string.Empty : $"[{report.Estimation}: {report.Fallback}]";

    private static string Parameters(ModelReport report) =>
        string.Join(" ", report.Parameters.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value:0.####}"))) + " ";

    private static void Section(string title, IEnumerable<SegmentCount> counts)
    {
        Console.WriteLine(title);
        foreach (var count in counts)
        {
            Console.WriteLine($"  {count.Name,-20} {count.Customers,8}");
        }
    }
}
