using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Functions.Api;

/// <summary><c>POST /api/customers/lookup</c> with <c>{"ids":[...]}</c>: up to 1,000 customers, in request order.</summary>
public sealed class LookupCustomers(CustomerLookupsApi api)
{
    /// <summary>Answers through <see cref="CustomerRoutes.LookupCustomersAsync"/>.</summary>
    [Function(nameof(LookupCustomers))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, ApiMethods.Post, Route = CustomerRoutes.Lookup)] HttpRequest request,
        CancellationToken cancellationToken) =>
        CustomerRoutes.LookupCustomersAsync(api, request, cancellationToken).ToActionResultAsync();
}
