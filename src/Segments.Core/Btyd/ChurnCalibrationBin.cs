namespace Segments.Core.Btyd;

/// <summary>Customers whose predicted churn over the holdout falls in [<paramref name="From"/>, <paramref name="To"/>).</summary>
/// <param name="From">Lower bound of the predicted churn probability (inclusive).</param>
/// <param name="To">Upper bound (exclusive, but 1 is in the last bin).</param>
/// <param name="Customers">Customers in the bin.</param>
/// <param name="MeanPredictedChurn">Their mean predicted churn probability.</param>
/// <param name="ObservedChurn">The share of them that made no purchase in the holdout.</param>
public sealed record ChurnCalibrationBin(double From, double To, int Customers, double MeanPredictedChurn, double ObservedChurn);
