using Microsoft.AspNetCore.Mvc;
using Segments.Pipeline.Api;
using Segments.Pipeline.Queries;

namespace Segments.Host.Api;

/// <summary>Customer lookups.</summary>
internal static class CustomerApi
{
    public static RouteGroupBuilder MapCustomerApi(this RouteGroupBuilder api)
    {
        api.MapGet("/customers/{customerId}", async (string customerId, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, HttpRequest request, CustomerLookupsApi handler, CancellationToken ct) =>
            (await handler.GetAsync(customerId, ifNoneMatch, BypassesCache(request), ct).ConfigureAwait(false)).ToResult())
            .Describe(
                "GetCustomer",
                "A customer's segments in the active run",
                "RFM, lifecycle stage, cluster, predictions and rule segments, with run id and as-of. An e-mail id is looked up by its keyed hash. "
                + "Answers carry an ETag and Cache-Control; If-None-Match with the current ETag gives 304. The active-run pointer is cached for "
                + "Segments:ActiveRunCacheSeconds (default 5), so a new run becomes visible within that time; request header Cache-Control: no-cache reads storage now.")
            .Produces<CustomerLookup>(200)
            .Produces(304)
            .ProducesErrors(400, 401, 404)
            .WithTags("Customers");

        api.MapPost("/customers/lookup", async (HttpRequest request, CustomerLookupsApi handler, CancellationToken ct) =>
            (await handler.LookupManyAsync(request.Body, BypassesCache(request), ct).ConfigureAwait(false)).ToResult())
            .Describe(
                "LookupCustomers",
                "Up to 1,000 customers at once",
                "Body {\"ids\":[...]} with 1 to 1,000 ids. One result per id, in request order; an id the active run does not have is {\"customerId\":\"x\",\"found\":false}.")
            .DocumentsBody<CustomerLookupRequest>()
            .Produces<CustomerLookupResults>(200)
            .ProducesErrors(400, 401, 404)
            .WithTags("Customers");
        return api;
    }

    /// <summary>The request asks for fresh data (<c>Cache-Control: no-cache</c>), as the benchmark's uncached lookups do.</summary>
    public static bool BypassesCache(HttpRequest request) =>
        request.Headers.CacheControl.Any(value => value is not null && value.Contains("no-cache", StringComparison.OrdinalIgnoreCase));
}

/// <summary>The body of <c>POST /api/customers/lookup</c> (documentation of the shape; the handler reads the JSON itself to word its errors).</summary>
/// <param name="Ids">1 to 1,000 customer ids.</param>
internal sealed record CustomerLookupRequest(IReadOnlyList<string> Ids);
