using Microsoft.AspNetCore.Http;
using Segments.Pipeline.Api.Destinations;
using Segments.Pipeline.Api.Http;

namespace Segments.Pipeline.Api.Contract;

/// <summary>Activation destinations: their configuration, deliveries per run, dead letters and replay.</summary>
public static class DestinationRoutes
{
    /// <summary>The template of the list (and of setting the configuration).</summary>
    public const string Destinations = "destinations";

    /// <summary>The template of one destination.</summary>
    public const string Destination = "destinations/{name}";

    /// <summary>The template of a replay.</summary>
    public const string Replay = "destinations/{name}/replay";

    /// <summary><c>GET /api/destinations</c>.</summary>
    public static ApiRoute ListDestinations { get; } = new(nameof(ListDestinations), ApiMethods.Get, Destinations, ApiKeyLevel.Function);

    /// <summary><c>POST /api/destinations</c>, admin key only: replaces <c>config/destinations.json</c>.</summary>
    public static ApiRoute SetDestinations { get; } = new(nameof(SetDestinations), ApiMethods.Post, Destinations, ApiKeyLevel.Admin);

    /// <summary><c>GET /api/destinations/{name}</c>.</summary>
    public static ApiRoute GetDestination { get; } = new(nameof(GetDestination), ApiMethods.Get, Destination, ApiKeyLevel.Function);

    /// <summary><c>POST /api/destinations/{name}/replay</c>, admin key only.</summary>
    public static ApiRoute ReplayDestination { get; } = new(nameof(ReplayDestination), ApiMethods.Post, Replay, ApiKeyLevel.Admin);

    /// <summary>The feature's routes.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } = [ListDestinations, SetDestinations, GetDestination, ReplayDestination];

    /// <summary>Answers <see cref="SetDestinations"/> with the body as the new file.</summary>
    public static async Task<ApiResponse> SetDestinationsAsync(DestinationsApi api, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var body = await request.ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        return await api.SetAsync(body, cancellationToken).ConfigureAwait(false);
    }
}
