namespace Segments.Core.Lifecycle;

/// <summary>One customer's lifecycle stage and the measures it was decided on.</summary>
/// <param name="CustomerId">Normalised customer id.</param>
/// <param name="Stage">The stage.</param>
/// <param name="DaysSinceFirstOrder">As-of date minus the first order date.</param>
/// <param name="DaysSinceLastOrder">As-of date minus the latest order date (the RFM recency).</param>
/// <param name="OrderDays">Distinct order dates.</param>
public sealed record CustomerLifecycle(
    string CustomerId,
    LifecycleStage Stage,
    int DaysSinceFirstOrder,
    int DaysSinceLastOrder,
    int OrderDays);
