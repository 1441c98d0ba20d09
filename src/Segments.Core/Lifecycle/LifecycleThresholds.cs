namespace Segments.Core.Lifecycle;

/// <summary>
/// The day counts one run staged its customers with, kept with the run so that a stage can be explained
/// later. All bounds are inclusive ("within"). Percentiles are exact decimals, like the RFM cut points.
/// </summary>
/// <param name="NewWindowDays">A first order (or a return after a lapse) at most this many days ago is new.</param>
/// <param name="ActiveMaxDays">Days since the last order up to which a repeat customer is active.</param>
/// <param name="AtRiskMaxDays">… up to which they are at risk.</param>
/// <param name="LapsedMaxDays">… up to which they are lapsed; beyond it they are lost. A gap longer than this before an order makes that order a return.</param>
/// <param name="Source">Derived from the store's gaps, or the fallback.</param>
/// <param name="RepeatCustomers">Customers with at least two order dates (whose gaps were measured).</param>
/// <param name="GapCount">Inter-purchase gaps the percentiles were taken over.</param>
public sealed record LifecycleThresholds(
    decimal NewWindowDays,
    decimal ActiveMaxDays,
    decimal AtRiskMaxDays,
    decimal LapsedMaxDays,
    LifecycleThresholdSource Source,
    int RepeatCustomers,
    int GapCount)
{
    /// <summary>
    /// The conventional e-commerce windows (30 / 90 / 180 days) used when a store has too few repeat
    /// customers for its own percentiles to mean anything.
    /// </summary>
    public static LifecycleThresholds ConventionalFallback { get; } =
        new(30m, 30m, 90m, 180m, LifecycleThresholdSource.Fallback, 0, 0);
}
