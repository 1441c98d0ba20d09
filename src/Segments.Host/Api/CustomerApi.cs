using Segments.Pipeline.Api;

namespace Segments.Host.Api;

/// <summary>Customer lookups.</summary>
internal static class CustomerApi
{
    public static RouteGroupBuilder MapCustomerApi(this RouteGroupBuilder api)
    {
        api.MapGet("/customers/{customerId}", async (string customerId, SegmentsApi handler, CancellationToken ct) =>
            (await handler.GetCustomerAsync(customerId, ct).ConfigureAwait(false)).ToResult());
        return api;
    }
}
