namespace Segments.Pipeline.Api;

/// <summary>The answer of <c>GET /api/cohorts</c>: the active run's retention by cohort of first-order month.</summary>
/// <param name="RunId">The run that computed it.</param>
/// <param name="AsOf">Orders up to this date count.</param>
/// <param name="Dimension">The profile dimension the cohorts are split by, or null.</param>
/// <param name="Cohorts">One row per cohort (and group) and month since the first order.</param>
public sealed record CohortView(string RunId, DateOnly AsOf, string? Dimension, IReadOnlyList<Core.Cohorts.CohortCell> Cohorts);
