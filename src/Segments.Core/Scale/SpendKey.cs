namespace Segments.Core.Scale;

/// <summary>What Gamma-Gamma knows of a repeat buyer: x and the mean spend z̄ of the repeat purchase days.</summary>
public readonly record struct SpendKey(int RepeatPurchases, double AverageRepeatSpend);
