namespace Segments.Core.Btyd;

/// <summary>One tenth of the customers by predicted holdout purchases.</summary>
/// <param name="Decile">1 for the customers with the highest predictions … 10 for the lowest.</param>
/// <param name="Customers">Customers in it.</param>
/// <param name="PredictedPurchases">Their expected holdout purchases, summed.</param>
/// <param name="ActualPurchases">Their actual holdout purchases, summed.</param>
public sealed record HoldoutDecile(int Decile, int Customers, double PredictedPurchases, double ActualPurchases);
