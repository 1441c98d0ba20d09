namespace Segments.Core.Btyd;

/// <summary>
/// Checks a model fitted on the calibration period against the holdout period, as Fader, Hardie &amp; Lee (2005,
/// section 4) validate BG/NBD on CDNOW: conditional expectations per customer against what each then bought
/// (totals, deciles, RMSE), churn probabilities against who bought nothing (Brier score, calibration table), and the
/// cumulative repeat purchases week by week against the unconditional expectation (their figure 2).
/// </summary>
public static class HoldoutEvaluator
{
    private const int Groups = 10;
    private const double DaysPerWeek = 7;

    /// <summary>
    /// The check of <paramref name="model"/> on <paramref name="calibration"/>; null without a holdout period or
    /// customers. <paramref name="purchaseDays"/> (every customer's purchase day numbers) gives the tracking series.
    /// </summary>
    public static HoldoutAccuracy? Evaluate(IPurchaseModel model, CalibrationData calibration, IEnumerable<int[]>? purchaseDays = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(calibration);
        var horizon = calibration.HoldoutLength;
        var customers = calibration.Customers;
        if (horizon <= 0 || customers.Count == 0)
        {
            return null;
        }

        var predicted = new double[customers.Count];
        var churn = new double?[customers.Count];
        double squared = 0, absolute = 0, actualTotal = 0;
        for (var i = 0; i < customers.Count; i++)
        {
            var history = customers[i].History;
            predicted[i] = model.ExpectedPurchases(history, horizon);
            churn[i] = ChurnForecast.ProbabilityNoPurchase(model, history, horizon);
            var error = predicted[i] - customers[i].HoldoutPurchases;
            squared += error * error;
            absolute += Math.Abs(error);
            actualTotal += customers[i].HoldoutPurchases;
        }

        if (!predicted.All(double.IsFinite))
        {
            return null;
        }

        var (brier, bins) = Calibration(churn, customers);
        return new HoldoutAccuracy(
            model.Name,
            calibration.CalibrationEnd,
            calibration.DataEnd,
            horizon * TimeUnits.DaysPer(calibration.Unit) / DaysPerWeek,
            customers.Count,
            predicted.Sum(),
            actualTotal,
            Math.Sqrt(squared / customers.Count),
            absolute / customers.Count,
            Deciles(predicted, customers),
            brier,
            bins,
            purchaseDays is null ? [] : Tracking(model, calibration, purchaseDays));
    }

    private static List<HoldoutDecile> Deciles(double[] predicted, IReadOnlyList<CustomerSummary> customers)
    {
        // Highest prediction first; ties by position (customers come ordered by id), so the groups are reproducible.
        var order = Enumerable.Range(0, predicted.Length).OrderByDescending(i => predicted[i]).ThenBy(i => i).ToArray();
        var deciles = new List<HoldoutDecile>(Groups);
        for (var g = 0; g < Groups; g++)
        {
            var start = g * order.Length / Groups;
            var end = (g + 1) * order.Length / Groups;
            if (end > start)
            {
                var members = order[start..end];
                deciles.Add(new HoldoutDecile(g + 1, members.Length, members.Sum(i => predicted[i]), members.Sum(i => (double)customers[i].HoldoutPurchases)));
            }
        }

        return deciles;
    }

    private static (double? Brier, List<ChurnCalibrationBin> Bins) Calibration(double?[] churn, IReadOnlyList<CustomerSummary> customers)
    {
        if (churn.Any(c => c is not { } p || !double.IsFinite(p)))
        {
            return (null, []);
        }

        var sums = new (int Count, double Predicted, double Observed)[Groups];
        double brier = 0;
        for (var i = 0; i < churn.Length; i++)
        {
            var p = Math.Clamp(churn[i]!.Value, 0, 1);
            var observed = customers[i].HoldoutPurchases == 0 ? 1.0 : 0.0;
            brier += (p - observed) * (p - observed);
            var bin = Math.Min(Groups - 1, (int)(p * Groups));
            sums[bin] = (sums[bin].Count + 1, sums[bin].Predicted + p, sums[bin].Observed + observed);
        }

        var bins = sums
            .Select((s, bin) => (s, bin))
            .Where(b => b.s.Count > 0)
            .Select(b => new ChurnCalibrationBin(b.bin / (double)Groups, (b.bin + 1) / (double)Groups, b.s.Count, b.s.Predicted / b.s.Count, b.s.Observed / b.s.Count))
            .ToList();
        return (brier / churn.Length, bins);
    }

    // The run keeps the series in its ledger row, where one property holds at most 32K characters: beyond this
    // many weeks every k-th week is kept (always the last week and the last of the calibration period).
    private const int MaxTrackingPoints = 120;

    internal static List<TrackingPoint> Thinned(List<TrackingPoint> points)
    {
        if (points.Count <= MaxTrackingPoints)
        {
            return points;
        }

        var step = (points.Count + MaxTrackingPoints - 1) / MaxTrackingPoints;
        var lastCalibration = points.FindLastIndex(p => !p.Holdout);
        return points.Where((p, i) => i % step == step - 1 || i == points.Count - 1 || i == lastCalibration).ToList();
    }

    private static List<TrackingPoint> Tracking(IPurchaseModel model, CalibrationData calibration, IEnumerable<int[]> purchaseDays)
    {
        var calibrationEnd = calibration.CalibrationEnd.DayNumber;
        var dataEnd = calibration.DataEnd.DayNumber;
        var daysPerUnit = TimeUnits.DaysPer(calibration.Unit);
        // The customers of the calibration period (first purchase on or before its end), as in the holdout check.
        var cohort = purchaseDays.Where(days => days.Length > 0 && days[0] <= calibrationEnd).ToList();
        if (cohort.Count == 0 || UnconditionalForecast.ExpectedRepeatPurchases(model, 1) is null)
        {
            return [];
        }

        var start = cohort.Min(days => days[0]);
        var firstDays = cohort.GroupBy(days => days[0]).Select(g => (Day: g.Key, Customers: g.Count())).ToList();
        var repeatDays = cohort.SelectMany(days => days.Skip(1)).Order().ToArray();
        var points = new List<TrackingPoint>();
        var counted = 0;
        for (var week = 1; start + ((week - 1) * 7) <= dataEnd; week++)
        {
            var end = Math.Min(start + (week * 7) - 1, dataEnd);
            while (counted < repeatDays.Length && repeatDays[counted] <= end)
            {
                counted++;
            }

            // Time since the first purchase as CustomerHistoryBuilder measures T: end day − first day.
            var expected = firstDays.Where(f => f.Day <= end)
                .Sum(f => f.Customers * (UnconditionalForecast.ExpectedRepeatPurchases(model, (end - f.Day) / daysPerUnit) ?? 0));
            if (!double.IsFinite(expected))
            {
                return [];
            }

            points.Add(new TrackingPoint(week, DateOnly.FromDayNumber(end), counted, expected, end > calibrationEnd));
        }

        return Thinned(points);
    }
}
