namespace Segments.Pipeline.Api.Contract;

/// <summary><c>GET /api/health</c>: anonymous and free of storage calls.</summary>
public static class HealthRoutes
{
    /// <summary>The template.</summary>
    public const string Health = "health";

    /// <summary>Load balancers probe it, and the benchmark measures lookups against it.</summary>
    public static ApiRoute GetHealth { get; } = new(nameof(GetHealth), ApiMethods.Get, Health, ApiKeyLevel.Anonymous);

    /// <summary>The feature's routes.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } = [GetHealth];

    /// <summary>The one answer: <c>{"status":"ok"}</c>.</summary>
    public static ApiResponse Answer { get; } = ApiResponse.Ok(new HealthView("ok"));
}
