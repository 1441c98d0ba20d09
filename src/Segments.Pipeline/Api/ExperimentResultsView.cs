namespace Segments.Pipeline.Api;

/// <summary>The answer of <c>GET /api/experiments/{name}/results</c>.</summary>
/// <param name="Experiment">The experiment.</param>
/// <param name="Segment">Its segment (as the earlier run resolved it).</param>
/// <param name="FromRun">The earlier run: who was in the segment, in which group, and what they had bought by then.</param>
/// <param name="ToRun">The later run: what the same customers had bought by then.</param>
/// <param name="Results">Treatment against control on what was bought between the two runs.</param>
public sealed record ExperimentResultsView(string Experiment, string Segment, Queries.RunPoint FromRun, Queries.RunPoint ToRun, Core.Uplift.UpliftResult Results);
