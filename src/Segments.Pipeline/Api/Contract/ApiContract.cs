namespace Segments.Pipeline.Api.Contract;

/// <summary>Every route of the HTTP API, by feature: the table both hosts serve.</summary>
public static class ApiContract
{
    /// <summary>The route prefix (host.json's <c>extensions.http.routePrefix</c>).</summary>
    public const string Prefix = "api";

    /// <summary>All routes, each feature's in its own class.</summary>
    public static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        .. HealthRoutes.All,
        .. CustomerRoutes.All,
        .. SegmentRoutes.All,
        .. RecommendationRoutes.All,
        .. RunRoutes.All,
        .. PredictionRoutes.All,
        .. BatchRoutes.All,
        .. TrackingRoutes.All,
        .. DashboardRoutes.All,
        .. DestinationRoutes.All,
        .. ReferenceRoutes.All,
    ];
}
