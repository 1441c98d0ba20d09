using Segments.Pipeline.Api;

namespace Segments.Host.Api;

/// <summary>Starting and watching recomputes.</summary>
internal static class RunApi
{
    public static RouteGroupBuilder MapRunApi(this RouteGroupBuilder api)
    {
        api.MapPost("/runs", async (HttpRequest request, SegmentsApi handler, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
            return (await handler.RequestRunAsync(body, ct).ConfigureAwait(false)).ToResult();
        })
            .RequireAdminKey()
            .Describe("RequestRun", "Queue a recompute (admin key)", "Optional body {\"asOf\":\"YYYY-MM-DD\"}, default today (UTC). 202 with Location: /api/runs/{runId}.")
            .DocumentsBody<RunRequestBody>()
            .Produces<RunView>(202)
            .ProducesErrors(400, 401)
            .WithTags("Runs");

        api.MapGet("/runs", async (string? format, SegmentsApi handler, CancellationToken ct) =>
        {
            if (format is not null && !format.Equals("json", StringComparison.OrdinalIgnoreCase) && !format.Equals("csv", StringComparison.OrdinalIgnoreCase))
            {
                return ApiResponse.Error(400, "InvalidFormat", $"format is json or csv; got '{format}'.").ToResult();
            }

            var response = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
                ? await handler.ListRunsCsvAsync(ct).ConfigureAwait(false)
                : await handler.ListRunsAsync(ct).ConfigureAwait(false);
            return response.ToResult();
        })
            .Describe("ListRuns", "Every run, newest first", "format=csv gives one line per run: as-of, status, trigger, times, duration and stage milliseconds, customers and costUsd.")
            .Produces<List<RunView>>(200, "application/json", "text/csv")
            .ProducesErrors(400, 401)
            .WithTags("Runs");

        api.MapGet("/runs/{runId}", async (string runId, SegmentsApi handler, CancellationToken ct) =>
            (await handler.GetRunAsync(runId, ct).ConfigureAwait(false)).ToResult())
            .Describe("GetRun", "One run", "Status, counts, stage durations, segment sizes, usage and costUsd with its breakdown.")
            .Produces<RunView>(200)
            .ProducesErrors(401, 404)
            .WithTags("Runs");
        return api;
    }
}

/// <summary>The optional body of <c>POST /api/runs</c> (documentation of the shape).</summary>
/// <param name="AsOf">YYYY-MM-DD; default today (UTC). Optional: the default value keeps it out of the schema's required list.</param>
internal sealed record RunRequestBody(string? AsOf = null);
