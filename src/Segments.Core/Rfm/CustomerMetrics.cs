namespace Segments.Core.Rfm;

/// <summary>The three behavioural measures of one customer as of a date.</summary>
/// <param name="CustomerId">Normalised customer id.</param>
/// <param name="RecencyDays">Whole days from the last non-cancelled order to the as-of date.</param>
/// <param name="Frequency">Distinct non-cancelled orders.</param>
/// <param name="Monetary">Net revenue: every line amount, cancellations included, floored at 0.</param>
/// <param name="Country">Country of the customer's latest line that had one.</param>
public sealed record CustomerMetrics(string CustomerId, int RecencyDays, int Frequency, decimal Monetary, string Country);
