namespace Segments.Core.Btyd;

/// <summary>How well one purchase model, fitted on the calibration period, forecast the holdout period.</summary>
/// <param name="Fit">The calibration fit.</param>
/// <param name="PredictedPurchases">Σ E[Y(t*) | x, t_x, T] over customers, t* the holdout length; null if the fit failed.</param>
/// <param name="ActualPurchases">Purchase days the customers actually made in the holdout.</param>
/// <param name="RootMeanSquaredError">√(mean over customers of (predicted − actual)²); null if the fit failed. The selection criterion.</param>
/// <param name="MeanAbsoluteError">Mean over customers of |predicted − actual|; null if the fit failed.</param>
public sealed record HoldoutScore(
    ModelFit<IPurchaseModel> Fit,
    double? PredictedPurchases,
    double ActualPurchases,
    double? RootMeanSquaredError,
    double? MeanAbsoluteError);
