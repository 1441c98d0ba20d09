using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/segments/{name}/customers?pageSize=&amp;continuationToken=&amp;consent=</c>: a page of members, or the whole segment as CSV; <c>consent=email|sms</c> keeps only those who consented.</summary>
public sealed class ListSegmentCustomers(SegmentMembersApi api)
{
    /// <summary>Answers through <see cref="SegmentRoutes.ListSegmentCustomersAsync"/>; <c>Accept: text/csv</c> streams the export.</summary>
    [Function(nameof(ListSegmentCustomers))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, ApiMethods.Get, Route = SegmentRoutes.Customers)] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        SegmentRoutes.ListSegmentCustomersAsync(api, name, request, cancellationToken).ToActionResultAsync();
}
