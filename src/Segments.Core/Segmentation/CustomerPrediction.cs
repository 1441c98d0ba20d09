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
    double? Clv12Months)
{
    /// <summary>P(no purchase within the run's churn horizon) under the chosen model; null when the model has no such form or the horizon setting is invalid.</summary>
    public double? ChurnProbability { get; init; }

    /// <summary><c>low</c>, <c>medium</c> or <c>high</c>: <see cref="ChurnProbability"/> against the run's thresholds.</summary>
    public string? ChurnRiskBand { get; init; }

    /// <summary>
    /// As-of date plus the median time to the next purchase if the customer is still active (rounded to whole days);
    /// null when that median is more than five years away.
    /// </summary>
    public DateOnly? ExpectedNextOrderDate { get; init; }

    /// <summary>(last − first order day) / (order days − 1); null for a customer with one order day.</summary>
    public double? AverageDaysBetweenOrders { get; init; }

    /// <summary>Net revenue so far (the RFM monetary value: every line, cancellations included, floored at 0).</summary>
    public double? HistoricClv { get; init; }

    /// <summary><see cref="HistoricClv"/> + the predicted 12-month CLV (<see cref="Clv12Months"/>); null without the latter.</summary>
    public double? TotalClv { get; init; }

    /// <summary><c>high</c> (top 20% of the run's customers by total CLV, historic where there is no predicted CLV), <c>medium</c> (next 30%), <c>low</c> (the rest).</summary>
    public string? SpendTier { get; init; }
}
