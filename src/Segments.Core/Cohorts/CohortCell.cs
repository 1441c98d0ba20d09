namespace Segments.Core.Cohorts;

/// <summary>One cohort in one month since its first order.</summary>
/// <param name="Group">The dimension's value (a country, an acquisition channel); null without a dimension.</param>
/// <param name="Cohort">Month of the customers' first order, <c>yyyy-MM</c>.</param>
/// <param name="Month">Calendar months since the cohort month: 0 is the month of the first order.</param>
/// <param name="Customers">Customers of the cohort with an order in that calendar month.</param>
/// <param name="CohortSize">Customers in the cohort (those with an order in month 0).</param>
/// <param name="Rate">Customers / cohort size.</param>
/// <param name="Revenue">Revenue of the cohort's orders in that month (non-cancelled lines).</param>
public sealed record CohortCell(string? Group, string Cohort, int Month, int Customers, int CohortSize, double Rate, decimal Revenue);
