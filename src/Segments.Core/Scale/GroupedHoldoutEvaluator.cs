using Segments.Core.Btyd;

namespace Segments.Core.Scale;

/// <summary>
/// <see cref="HoldoutEvaluator.Evaluate"/> on grouped calibration histories. Totals, RMSE, MAE, the Brier score, the
/// churn calibration table and the tracking series are the same sums over the same customers. The deciles rank
/// customers by prediction as there, but customers tied on the prediction (same calibration history) with different
/// holdout counts are ordered by holdout count instead of by id, so a decile boundary that cuts such a tie may move
/// a few purchases between two neighbouring deciles' actual totals.
/// </summary>
public static class GroupedHoldoutEvaluator
{
    private const int Groups = 10;

    /// <summary>The check of <paramref name="model"/>; null without a holdout period, customers, or with a non-finite prediction.</summary>
    public static HoldoutAccuracy? Evaluate(IPurchaseModel model, PurchaseGroups groups, DateOnly calibrationEnd, DateOnly dataEnd)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(groups);
        var daysPerWeek = TimeUnits.DaysPer(TimeUnit.Week);
        var horizon = Math.Max(0, dataEnd.DayNumber - calibrationEnd.DayNumber) / daysPerWeek;
        var rows = groups.Calibration
            .OrderBy(g => g.Key.History)
            .ThenBy(g => g.Key.HoldoutPurchases)
            .Select(g => (g.Key, Customers: g.Value, Predicted: model.ExpectedPurchases(g.Key.History.ToHistory(1), horizon), Churn: ChurnForecast.ProbabilityNoPurchase(model, g.Key.History.ToHistory(1), horizon)))
            .ToList();
        var customers = rows.Sum(r => r.Customers);
        if (horizon <= 0 || customers == 0 || !rows.All(r => double.IsFinite(r.Predicted)))
        {
            return null;
        }

        double squared = 0, absolute = 0, actual = 0, predicted = 0;
        foreach (var r in rows)
        {
            var error = r.Predicted - r.Key.HoldoutPurchases;
            squared += r.Customers * error * error;
            absolute += r.Customers * Math.Abs(error);
            actual += r.Customers * (double)r.Key.HoldoutPurchases;
            predicted += r.Customers * r.Predicted;
        }

        var (brier, bins) = Calibration(rows);
        return new HoldoutAccuracy(
            model.Name,
            calibrationEnd,
            dataEnd,
            horizon * daysPerWeek / 7,
            checked((int)customers),
            predicted,
            actual,
            Math.Sqrt(squared / customers),
            absolute / customers,
            Deciles(rows, customers),
            brier,
            bins,
            Tracking(model, groups, calibrationEnd.DayNumber, dataEnd.DayNumber));
    }

    private static List<HoldoutDecile> Deciles(List<(CalibrationKey Key, long Customers, double Predicted, double? Churn)> rows, long customers)
    {
        // Highest prediction first, as there; the decile of the i-th customer is the one whose [start, end) holds i.
        var ordered = rows.OrderByDescending(r => r.Predicted).ThenBy(r => r.Key.HoldoutPurchases).ToList();
        var deciles = new List<HoldoutDecile>(Groups);
        var row = 0;
        long usedOfRow = 0;
        for (var g = 0; g < Groups; g++)
        {
            var start = g * customers / Groups;
            var end = (g + 1) * customers / Groups;
            if (end <= start)
            {
                continue;
            }

            long members = 0;
            double predicted = 0, actual = 0;
            while (members < end - start)
            {
                var take = Math.Min(ordered[row].Customers - usedOfRow, end - start - members);
                members += take;
                predicted += take * ordered[row].Predicted;
                actual += take * (double)ordered[row].Key.HoldoutPurchases;
                usedOfRow += take;
                if (usedOfRow == ordered[row].Customers)
                {
                    row++;
                    usedOfRow = 0;
                }
            }

            deciles.Add(new HoldoutDecile(g + 1, checked((int)members), predicted, actual));
        }

        return deciles;
    }

    private static (double? Brier, List<ChurnCalibrationBin> Bins) Calibration(List<(CalibrationKey Key, long Customers, double Predicted, double? Churn)> rows)
    {
        if (rows.Any(r => r.Churn is not { } p || !double.IsFinite(p)))
        {
            return (null, []);
        }

        var sums = new (long Count, double Predicted, double Observed)[Groups];
        double brier = 0;
        long customers = 0;
        foreach (var r in rows)
        {
            var p = Math.Clamp(r.Churn!.Value, 0, 1);
            var observed = r.Key.HoldoutPurchases == 0 ? 1.0 : 0.0;
            brier += r.Customers * (p - observed) * (p - observed);
            customers += r.Customers;
            var bin = Math.Min(Groups - 1, (int)(p * Groups));
            sums[bin] = (sums[bin].Count + r.Customers, sums[bin].Predicted + (r.Customers * p), sums[bin].Observed + (r.Customers * observed));
        }

        var bins = sums
            .Select((s, bin) => (s, bin))
            .Where(b => b.s.Count > 0)
            .Select(b => new ChurnCalibrationBin(b.bin / (double)Groups, (b.bin + 1) / (double)Groups, checked((int)b.s.Count), b.s.Predicted / b.s.Count, b.s.Observed / b.s.Count))
            .ToList();
        return (brier / customers, bins);
    }

    /// <summary>The cumulative repeat purchases week by week against the unconditional expectation, from the day histograms.</summary>
    private static List<TrackingPoint> Tracking(IPurchaseModel model, PurchaseGroups groups, int calibrationEnd, int dataEnd)
    {
        var firstDays = groups.FirstPurchaseDays.Where(f => f.Key <= calibrationEnd).OrderBy(f => f.Key).ToList();
        if (firstDays.Count == 0 || UnconditionalForecast.ExpectedRepeatPurchases(model, 1) is null)
        {
            return [];
        }

        var daysPerUnit = TimeUnits.DaysPer(TimeUnit.Week);
        var start = firstDays[0].Key;
        var repeatDays = groups.CohortRepeatPurchaseDays.OrderBy(d => d.Key).ToList();
        var points = new List<TrackingPoint>();
        long counted = 0;
        var next = 0;
        for (var week = 1; start + ((week - 1) * 7) <= dataEnd; week++)
        {
            var end = Math.Min(start + (week * 7) - 1, dataEnd);
            while (next < repeatDays.Count && repeatDays[next].Key <= end)
            {
                counted += repeatDays[next].Value;
                next++;
            }

            var expected = firstDays.Where(f => f.Key <= end)
                .Sum(f => f.Value * (UnconditionalForecast.ExpectedRepeatPurchases(model, (end - f.Key) / daysPerUnit) ?? 0));
            if (!double.IsFinite(expected))
            {
                return [];
            }

            points.Add(new TrackingPoint(week, DateOnly.FromDayNumber(end), counted, expected, end > calibrationEnd));
        }

        return HoldoutEvaluator.Thinned(points);
    }
}
