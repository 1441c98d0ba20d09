namespace Segments.Core.SegmentProfiles;

/// <summary>What a segment profile needs to know about one scored customer.</summary>
/// <param name="CustomerId">Normalised customer id.</param>
/// <param name="RecencyDays">Days since the last non-cancelled order.</param>
/// <param name="Orders">Distinct non-cancelled orders (the RFM frequency).</param>
/// <param name="Revenue">Net revenue (the RFM monetary value).</param>
/// <param name="Country">Country of the latest line that had one; empty when unknown.</param>
/// <param name="LifecycleStage">Lifecycle stage name, null when not staged.</param>
/// <param name="Products">Distinct products bought (non-cancelled lines).</param>
public sealed record ProfiledCustomer(
    string CustomerId,
    int RecencyDays,
    int Orders,
    decimal Revenue,
    string Country,
    string? LifecycleStage,
    IReadOnlyCollection<string> Products);
