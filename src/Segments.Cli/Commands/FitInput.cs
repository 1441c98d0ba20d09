using Segments.Core.Btyd;

namespace Segments.Cli.Commands;

/// <summary>The customers a fit runs on, with whether their spend is known.</summary>
/// <param name="Customers">Calibration summaries, one per customer.</param>
/// <param name="HasSpend">True when z̄ was read (a summary with zbar, or a log with amounts).</param>
/// <param name="HoldoutLength">Time from the calibration end to the last purchase in a log; 0 for a summary.</param>
public sealed record FitInput(IReadOnlyList<CustomerSummary> Customers, bool HasSpend, double HoldoutLength = 0)
{
    /// <summary>From a log: the calibration data and every customer's purchase days, for the holdout check; null for a summary.</summary>
    public (CalibrationData Data, IReadOnlyList<int[]> PurchaseDays)? Log { get; init; }
}
