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
        }).AddEndpointFilter<AdminKeyFilter>();

        api.MapGet("/runs", async (SegmentsApi handler, CancellationToken ct) =>
            (await handler.ListRunsAsync(ct).ConfigureAwait(false)).ToResult());

        api.MapGet("/runs/{runId}", async (string runId, SegmentsApi handler, CancellationToken ct) =>
            (await handler.GetRunAsync(runId, ct).ConfigureAwait(false)).ToResult());
        return api;
    }
}
