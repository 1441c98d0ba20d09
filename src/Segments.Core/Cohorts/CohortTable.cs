namespace Segments.Core.Cohorts;

/// <summary>Retention by cohort of first-order month, as a run or <c>segments cohorts</c> computed it.</summary>
/// <param name="AsOf">Orders up to this date count.</param>
/// <param name="Dimension">The dimension the cohorts are split by (<c>country</c>, <c>acquisitionChannel</c>), or null.</param>
/// <param name="Cells">Every cohort and month with at least one customer, by group, cohort, then month.</param>
public sealed record CohortTable(DateOnly AsOf, string? Dimension, IReadOnlyList<CohortCell> Cells);
