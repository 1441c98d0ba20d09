using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/segments/{name}/customers?pageSize=&amp;continuationToken=&amp;consent=</c>: a page of members, or the whole segment as CSV; <c>consent=email|sms</c> keeps only those who consented.</summary>
public sealed class ListSegmentCustomers(SegmentMembersApi api)
{
    /// <summary>Answers through <see cref="SegmentMembersApi.ListCustomersAsync"/>; <c>Accept: text/csv</c> streams the export.</summary>
    [Function(nameof(ListSegmentCustomers))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "segments/{name}/customers")] HttpRequest request,
        string name,
        CancellationToken cancellationToken)
    {
        var csv = request.Headers.Accept.Any(value => value is not null && value.Contains("text/csv", StringComparison.OrdinalIgnoreCase));
        var response = await api.ListCustomersAsync(name, request.Query["pageSize"].FirstOrDefault(), request.Query["continuationToken"].FirstOrDefault(), request.Query["consent"].FirstOrDefault(), csv, cancellationToken).ConfigureAwait(false);
        return response.ToActionResult();
    }
}
