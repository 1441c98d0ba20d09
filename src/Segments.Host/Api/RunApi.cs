using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Host.Api;

/// <summary>Starting and watching recomputes.</summary>
internal static class RunApi
{
    public static RouteGroupBuilder MapRunApi(this RouteGroupBuilder api)
    {
        api.MapApiRoute(RunRoutes.RequestRun, (HttpRequest request, SegmentsApi handler, CancellationToken ct) =>
            RunRoutes.RequestRunAsync(handler, request, ct).ToResultAsync())
            .Describe("Queue a recompute (admin key)", "Optional body {\"asOf\":\"YYYY-MM-DD\"}, default today (UTC). 202 with Location: /api/runs/{runId}. 400 InvalidRunRequest for a body not understood, or an as-of before the first order or more than Segments:MaxAsOfDaysAfterLatestOrder days after the latest (the message says which, with the dates).")
            .DocumentsBody<RunRequestBody>()
            .Produces<RunView>(202)
            .ProducesErrors(400, 401)
            .WithTags("Runs");

        api.MapApiRoute(RunRoutes.ListRuns, (HttpRequest request, SegmentsApi handler, CancellationToken ct) =>
            RunRoutes.ListRunsAsync(handler, request, ct).ToResultAsync())
            .Describe("Every run, newest first", "format=csv gives one line per run: as-of, status, trigger, times, duration and stage milliseconds, customers and costUsd.")
            .Produces<List<RunView>>(200, "application/json", "text/csv")
            .ProducesErrors(400, 401)
            .WithTags("Runs");

        api.MapApiRoute(RunRoutes.GetRun, (string runId, SegmentsApi handler, CancellationToken ct) => handler.GetRunAsync(runId, ct).ToResultAsync())
            .Describe("One run", "Status, counts, stage durations, segment sizes, usage and costUsd with its breakdown.")
            .Produces<RunView>(200)
            .ProducesErrors(401, 404)
            .WithTags("Runs");
        return api;
    }
}

/// <summary>The optional body of <c>POST /api/runs</c> (documentation of the shape).</summary>
/// <param name="AsOf">YYYY-MM-DD; default today (UTC). Optional: the default value keeps it out of the schema's required list.</param>
/// <param name="AllowEmpty">true lets a run that scores no customer replace a non-empty active run; default false (such a run fails instead).</param>
internal sealed record RunRequestBody(string? AsOf = null, bool? AllowEmpty = null);
