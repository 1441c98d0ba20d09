namespace Segments.Pipeline.Dashboard;

/// <summary>One experiment's campaign uplift on the dashboard: the answer of <c>GET /api/experiments/{name}/results</c>, or why there is none.</summary>
/// <param name="Experiment">The experiment's name.</param>
/// <param name="Segment">The segment id it was resolved to.</param>
/// <param name="Results">Treatment against control between the succeeded run before the active one and the active run; null when <paramref name="Unavailable"/> says why.</param>
/// <param name="Unavailable">Why the uplift cannot be computed (one run only, no control group ...), in the API's words; null with results.</param>
public sealed record ExperimentUplift(string Experiment, string Segment, Api.ExperimentResultsView? Results, string? Unavailable);
