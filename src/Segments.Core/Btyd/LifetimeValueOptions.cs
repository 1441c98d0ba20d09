namespace Segments.Core.Btyd;

/// <summary>How customer lifetime value is projected.</summary>
/// <param name="Months">Months projected (12 by default).</param>
/// <param name="MonthlyDiscountRate">Discount rate per month; 0.01 is roughly 12.7 % a year.</param>
public sealed record LifetimeValueOptions(int Months = 12, double MonthlyDiscountRate = 0.01);
