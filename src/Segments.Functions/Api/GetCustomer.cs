using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/customers/{customerId}</c>: a customer's segments in the active run, with ETag and Cache-Control.</summary>
public sealed class GetCustomer(CustomerLookupsApi api)
{
    /// <summary>Answers through <see cref="CustomerLookupsApi.GetAsync"/>; <c>Cache-Control: no-cache</c> bypasses the instance's cache.</summary>
    [Function(nameof(GetCustomer))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "customers/{customerId}")] HttpRequest request,
        string customerId,
        CancellationToken cancellationToken) =>
        (await api.GetAsync(customerId, request.Headers.IfNoneMatch.ToString(), NoCache(request), cancellationToken).ConfigureAwait(false)).ToActionResult();

    internal static bool NoCache(HttpRequest request) =>
        request.Headers.CacheControl.Any(value => value is not null && value.Contains("no-cache", StringComparison.OrdinalIgnoreCase));
}
