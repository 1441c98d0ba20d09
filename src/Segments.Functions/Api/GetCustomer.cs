using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/customers/{customerId}</c>: a customer's segments in the active run, with ETag and Cache-Control.</summary>
public sealed class GetCustomer(CustomerLookupsApi api)
{
    /// <summary>Answers through <see cref="CustomerRoutes.GetCustomerAsync"/>; <c>Cache-Control: no-cache</c> bypasses the instance's cache.</summary>
    [Function(nameof(GetCustomer))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, ApiMethods.Get, Route = CustomerRoutes.Customer)] HttpRequest request,
        string customerId,
        CancellationToken cancellationToken) =>
        CustomerRoutes.GetCustomerAsync(api, customerId, request, cancellationToken).ToActionResultAsync();
}
