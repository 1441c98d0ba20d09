namespace Segments.Pipeline.Api.Contract;

/// <summary>The Batches ledger.</summary>
public static class BatchRoutes
{
    /// <summary>The template.</summary>
    public const string Batches = "batches";

    /// <summary><c>GET /api/batches</c>.</summary>
    public static ApiRoute ListBatches { get; } = new(nameof(ListBatches), ApiMethods.Get, Batches, ApiKeyLevel.Function);

    /// <summary>The feature's routes.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } = [ListBatches];
}
