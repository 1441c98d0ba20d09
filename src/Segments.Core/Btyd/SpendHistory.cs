namespace Segments.Core.Btyd;

/// <summary>What the Gamma-Gamma spend model knows of one customer.</summary>
/// <param name="RepeatPurchases">x: repeat purchases in the calibration period.</param>
/// <param name="AverageRepeatSpend">z̄: their mean value.</param>
/// <param name="Weight">How many customers share these values.</param>
public readonly record struct SpendHistory(int RepeatPurchases, double AverageRepeatSpend, double Weight = 1);
