namespace Segments.Core.Btyd;

/// <summary>Per-customer calibration summaries built from a purchase log, with the accounting that goes with them.</summary>
/// <param name="Customers">Every customer whose first purchase is on or before the calibration end, ordered by id.</param>
/// <param name="CalibrationEnd">Last day of the calibration period (inclusive).</param>
/// <param name="DataEnd">Latest purchase date in the log; the holdout period is (calibration end, data end].</param>
/// <param name="Unit">The unit of every time in <see cref="Customers"/>.</param>
/// <param name="CustomersFirstSeenAfterCalibration">Customers left out because their first purchase is after the calibration end.</param>
/// <param name="PurchasesAfterCalibration">Customer purchase days after the calibration end (not used for fitting; the holdout).</param>
public sealed record CalibrationData(
    IReadOnlyList<CustomerSummary> Customers,
    DateOnly CalibrationEnd,
    DateOnly DataEnd,
    TimeUnit Unit,
    int CustomersFirstSeenAfterCalibration,
    long PurchasesAfterCalibration)
{
    /// <summary>Length of the holdout period (calibration end to data end) in <see cref="Unit"/>s; 0 when there is none.</summary>
    public double HoldoutLength => Math.Max(0, DataEnd.DayNumber - CalibrationEnd.DayNumber) / TimeUnits.DaysPer(Unit);
}
