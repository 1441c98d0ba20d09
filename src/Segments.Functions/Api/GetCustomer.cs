using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/customers/{customerId}</c>: a customer's segments in the active run.</summary>
public sealed class GetCustomer(SegmentsApi api)
{
    /// <summary>Answers through <see cref="SegmentsApi.GetCustomerAsync"/>.</summary>
    [Function(nameof(GetCustomer))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "customers/{customerId}")] HttpRequest request,
        string customerId,
        CancellationToken cancellationToken) =>
        (await api.GetCustomerAsync(customerId, cancellationToken).ConfigureAwait(false)).ToActionResult();
}
