namespace Segments.Core.Segmentation;

/// <summary>
/// What the customer-base models expect of one customer. Every value is finite: a customer the models
/// cannot speak for gets no prediction at all, never NaN.
/// </summary>
/// <param name="PAlive">Probability the customer is still active.</param>
/// <param name="ExpectedPurchases30">Expected purchase days in the next 30 days.</param>
/// <param name="ExpectedPurchases90">… in the next 90 days.</param>
/// <param name="ExpectedPurchases365">… in the next 365 days.</param>
/// <param name="ExpectedAverageOrderValue">Gamma-Gamma expected spend per purchase; null when the spend model did not fit.</param>
/// <param name="Clv12Months">Discounted value of the next 12 months; null when the spend model did not fit.</param>
public sealed record CustomerPrediction(
    double PAlive,
    double ExpectedPurchases30,
    double ExpectedPurchases90,
    double ExpectedPurchases365,
    double? ExpectedAverageOrderValue,
    double? Clv12Months);
