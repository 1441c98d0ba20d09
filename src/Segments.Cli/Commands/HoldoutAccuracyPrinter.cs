using System.Globalization;
using Segments.Core.Btyd;

namespace Segments.Cli.Commands;

/// <summary>Prints a holdout check: totals, RMSE, Brier score, deciles, the churn calibration table and the tracking series.</summary>
internal static class HoldoutAccuracyPrinter
{
    public static void Print(HoldoutAccuracy accuracy, TextWriter writer)
    {
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"holdout check of {accuracy.Model} fitted to {accuracy.CalibrationEnd:yyyy-MM-dd}, holdout to {accuracy.HoldoutEnd:yyyy-MM-dd} ({accuracy.HoldoutWeeks:0.#} weeks), {accuracy.Customers} customers:"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  repeat purchases predicted {accuracy.PredictedPurchases:0.0} vs actual {accuracy.ActualPurchases:0}; RMSE {accuracy.RootMeanSquaredError:0.####}, MAE {accuracy.MeanAbsoluteError:0.####}; Brier score {(accuracy.BrierScore is { } b ? b.ToString("0.####", CultureInfo.InvariantCulture) : "n/a")}"));
        writer.WriteLine("  decile  customers  predicted    actual");
        foreach (var d in accuracy.Deciles)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {d.Decile,6} {d.Customers,10} {d.PredictedPurchases,10:0.0} {d.ActualPurchases,9:0}"));
        }

        writer.WriteLine("  predicted churn  customers  mean predicted  observed no purchase");
        foreach (var bin in accuracy.ChurnCalibration)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bin.From:0.0}-{bin.To:0.0} {bin.Customers,15} {bin.MeanPredictedChurn,15:0.###} {bin.ObservedChurn,21:0.###}"));
        }

        if (accuracy.Tracking.Count > 0)
        {
            var last = accuracy.Tracking[^1];
            var atEnd = accuracy.Tracking.LastOrDefault(p => !p.Holdout);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  tracking (cumulative repeat purchases, {accuracy.Tracking.Count} weeks): at calibration end actual {atEnd?.Actual:0} vs expected {atEnd?.Expected:0.0}; at week {last.Week} actual {last.Actual:0} vs expected {last.Expected:0.0}"));
        }
    }
}
