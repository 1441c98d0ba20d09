using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;

namespace Segments.Functions.Api;

/// <summary><c>POST /api/customers/lookup</c> with <c>{"ids":[...]}</c>: up to 1,000 customers, in request order.</summary>
public sealed class LookupCustomers(CustomerLookupsApi api)
{
    /// <summary>Answers through <see cref="CustomerLookupsApi.LookupManyAsync"/>.</summary>
    [Function(nameof(LookupCustomers))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "customers/lookup")] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await api.LookupManyAsync(request.Body, GetCustomer.NoCache(request), cancellationToken).ConfigureAwait(false)).ToActionResult();
}
