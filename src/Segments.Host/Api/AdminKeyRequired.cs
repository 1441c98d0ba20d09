namespace Segments.Host.Api;

/// <summary>Endpoint metadata: the route takes the admin key only (Functions' <c>AuthorizationLevel.Admin</c>).</summary>
internal sealed class AdminKeyRequired
{
    public static AdminKeyRequired Instance { get; } = new();
}

/// <summary>Marks routes with the key level they need.</summary>
internal static class EndpointKeyLevels
{
    /// <summary>Only the admin key opens this route (reads take a function key or the admin key).</summary>
    public static TBuilder RequireAdminKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AdminKeyRequired.Instance);
}
