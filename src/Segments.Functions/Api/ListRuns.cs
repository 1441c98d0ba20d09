using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/runs</c> (also <c>?format=csv</c>): every run, newest first.</summary>
public sealed class ListRuns(SegmentsApi api)
{
    /// <summary>Answers through <see cref="SegmentsApi.ListRunsAsync"/> or, for <c>format=csv</c>, <see cref="SegmentsApi.ListRunsCsvAsync"/>.</summary>
    [Function(nameof(ListRuns))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var format = request.Query["format"].FirstOrDefault();
        if (format is not null && !format.Equals("json", StringComparison.OrdinalIgnoreCase) && !format.Equals("csv", StringComparison.OrdinalIgnoreCase))
        {
            return ApiResponse.Error(400, "InvalidFormat", $"format is json or csv; got '{format}'.").ToActionResult();
        }

        var response = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            ? await api.ListRunsCsvAsync(cancellationToken).ConfigureAwait(false)
            : await api.ListRunsAsync(cancellationToken).ConfigureAwait(false);
        return response.ToActionResult();
    }
}
