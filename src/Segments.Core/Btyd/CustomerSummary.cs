namespace Segments.Core.Btyd;

/// <summary>One customer's calibration summary with what the spend model and a holdout check need.</summary>
/// <param name="CustomerId">Normalised customer id.</param>
/// <param name="History">x, t_x and T in the calibration period.</param>
/// <param name="AverageRepeatSpend">z̄: mean spend per repeat purchase day in the calibration period; 0 when x = 0.</param>
/// <param name="HoldoutPurchases">Purchase days after the calibration end (to the end of the data); 0 when unknown.</param>
public sealed record CustomerSummary(string CustomerId, CustomerHistory History, double AverageRepeatSpend, int HoldoutPurchases = 0);
