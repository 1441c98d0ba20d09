using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Queries;

namespace Segments.Host.Api;

/// <summary>Customer lookups.</summary>
internal static class CustomerApi
{
    public static RouteGroupBuilder MapCustomerApi(this RouteGroupBuilder api)
    {
        api.MapApiRoute(CustomerRoutes.GetCustomer, (string customerId, HttpRequest request, CustomerLookupsApi handler, CancellationToken ct) =>
            CustomerRoutes.GetCustomerAsync(handler, customerId, request, ct).ToResultAsync())
            .Describe(
                "A customer's segments in the active run",
                "RFM, lifecycle stage, cluster, predictions, rule segments and behaviour segments, with run id and as-of; behaviour (last seen, events per canonical name over 7/30/90 days, the abandoned cart) "
                + "when behaviour events name the customer, who may be known from events only (a prospect, with empty order measures). An e-mail id is looked up by its keyed hash. "
                + "Answers carry an ETag and Cache-Control; If-None-Match with the current ETag gives 304. The active-run pointer is cached for "
                + "Segments:ActiveRunCacheSeconds (default 5), so a new run becomes visible within that time; request header Cache-Control: no-cache reads storage now. "
                + "Query include=recommendations adds the customer's recommendations under \"recommendations\" (as GET /api/customers/{customerId}/recommendations answers them; absent when the run has none for the customer), with its own ETag; another include value is 400.")
            .Produces<CustomerLookup>(200)
            .Produces(304)
            .ProducesErrors(400, 401, 404)
            .WithTags("Customers");

        api.MapApiRoute(CustomerRoutes.LookupCustomers, (HttpRequest request, CustomerLookupsApi handler, CancellationToken ct) =>
            CustomerRoutes.LookupCustomersAsync(handler, request, ct).ToResultAsync())
            .Describe(
                "Up to 1,000 customers at once",
                "Body {\"ids\":[...]} with 1 to 1,000 ids. One result per id, in request order; an id the active run does not have is {\"customerId\":\"x\",\"found\":false}. "
                + "Query include=recommendations adds each found customer's recommendations under \"recommendations\"; another include value is 400.")
            .DocumentsBody<CustomerLookupRequest>()
            .Produces<CustomerLookupResults>(200)
            .ProducesErrors(400, 401, 404)
            .WithTags("Customers");
        return api;
    }
}

/// <summary>The body of <c>POST /api/customers/lookup</c> (documentation of the shape; the handler reads the JSON itself to word its errors).</summary>
/// <param name="Ids">1 to 1,000 customer ids.</param>
internal sealed record CustomerLookupRequest(IReadOnlyList<string> Ids);
