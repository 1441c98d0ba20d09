using Microsoft.AspNetCore.Authorization;
using Segments.Pipeline.Api.Contract;

namespace Segments.Host.Api;

/// <summary>
/// Maps a route of the contract table (<see cref="ApiContract"/>): its method and template, its name (operationId),
/// and the route itself as endpoint metadata, from which <see cref="ApiKeyMiddleware"/> reads the key level and
/// <see cref="ApiReference"/> the parameters and security of the OpenAPI document.
/// </summary>
internal static class ApiRouteMapping
{
    public static RouteHandlerBuilder MapApiRoute(this IEndpointRouteBuilder api, ApiRoute route, Delegate handler) =>
        api.MapMethods("/" + route.Template, [route.Method], handler).WithName(route.Name).WithMetadata(route);

    /// <summary>
    /// The key an endpoint needs: its contract route's level; anonymous where only <c>AllowAnonymous</c> says so;
    /// else a function key, so that an endpoint mapped outside the table is never open by mistake.
    /// </summary>
    public static ApiKeyLevel KeyLevel(this EndpointMetadataCollection metadata) =>
        metadata.GetMetadata<ApiRoute>()?.KeyLevel
        ?? (metadata.GetMetadata<IAllowAnonymous>() is not null ? ApiKeyLevel.Anonymous : ApiKeyLevel.Function);
}
