using Microsoft.AspNetCore.Http;
using Segments.Pipeline.Api.Http;

namespace Segments.Pipeline.Api.Contract;

/// <summary>Starting and watching recomputes.</summary>
public static class RunRoutes
{
    /// <summary>The template of the run list and of a run request.</summary>
    public const string Runs = "runs";

    /// <summary>The template of one run.</summary>
    public const string Run = "runs/{runId}";

    /// <summary><c>json</c> (default) or <c>csv</c>.</summary>
    public static ApiParameter Format { get; } = ApiParameter.Query("format");

    /// <summary><c>POST /api/runs</c>, admin key only.</summary>
    public static ApiRoute RequestRun { get; } = new(nameof(RequestRun), ApiMethods.Post, Runs, ApiKeyLevel.Admin);

    /// <summary><c>GET /api/runs</c>.</summary>
    public static ApiRoute ListRuns { get; } = new(nameof(ListRuns), ApiMethods.Get, Runs, ApiKeyLevel.Function) { Parameters = [Format] };

    /// <summary><c>GET /api/runs/{runId}</c>.</summary>
    public static ApiRoute GetRun { get; } = new(nameof(GetRun), ApiMethods.Get, Run, ApiKeyLevel.Function);

    /// <summary>The feature's routes.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } = [RequestRun, ListRuns, GetRun];

    /// <summary>Answers <see cref="RequestRun"/> (optional body <c>{"asOf":"YYYY-MM-DD"}</c>).</summary>
    public static async Task<ApiResponse> RequestRunAsync(SegmentsApi api, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var body = await request.ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        return await api.RequestRunAsync(body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers <see cref="ListRuns"/>: JSON, or for <c>format=csv</c> one line per run; another format is 400 <c>InvalidFormat</c>.</summary>
    public static Task<ApiResponse> ListRunsAsync(SegmentsApi api, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var format = request.Read(Format);
        if (format is not null && !format.Equals("json", StringComparison.OrdinalIgnoreCase) && !format.Equals("csv", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(ApiResponse.Error(400, "InvalidFormat", $"format is json or csv; got '{format}'."));
        }

        return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) ? api.ListRunsCsvAsync(cancellationToken) : api.ListRunsAsync(cancellationToken);
    }
}
