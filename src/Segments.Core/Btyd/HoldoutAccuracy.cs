namespace Segments.Core.Btyd;

/// <summary>
/// How well a purchase model fitted on the calibration period predicted the holdout period: the check every run
/// makes and shows, so that the predictions come with their accuracy.
/// </summary>
/// <param name="Model">The model checked (fitted on the calibration period only).</param>
/// <param name="CalibrationEnd">Last day of the calibration period.</param>
/// <param name="HoldoutEnd">Last day of the holdout period (the latest purchase in the data).</param>
/// <param name="HoldoutWeeks">Holdout length in weeks.</param>
/// <param name="Customers">Customers checked: those whose first purchase is in the calibration period.</param>
/// <param name="PredictedPurchases">Σ E[Y(holdout) | x, t_x, T]: repeat purchase days the model expected in the holdout.</param>
/// <param name="ActualPurchases">Purchase days the customers made in the holdout.</param>
/// <param name="RootMeanSquaredError">√(mean over customers of (predicted − actual)²).</param>
/// <param name="MeanAbsoluteError">Mean over customers of |predicted − actual|.</param>
/// <param name="Deciles">Customers in ten groups by predicted holdout purchases, highest first, with predicted and actual totals.</param>
/// <param name="BrierScore">Mean of (churn probability − observed no purchase)², churn over the holdout length; null when the model has no churn form.</param>
/// <param name="ChurnCalibration">Predicted churn in tenths against the share that made no purchase; empty bins left out.</param>
/// <param name="Tracking">Week by week, cumulative repeat purchases: actual and expected (Fader, Hardie &amp; Lee 2005, figure 2).</param>
public sealed record HoldoutAccuracy(
    string Model,
    DateOnly CalibrationEnd,
    DateOnly HoldoutEnd,
    double HoldoutWeeks,
    int Customers,
    double PredictedPurchases,
    double ActualPurchases,
    double RootMeanSquaredError,
    double MeanAbsoluteError,
    IReadOnlyList<HoldoutDecile> Deciles,
    double? BrierScore,
    IReadOnlyList<ChurnCalibrationBin> ChurnCalibration,
    IReadOnlyList<TrackingPoint> Tracking);
