namespace Segments.Pipeline.Api.Contract;

/// <summary>
/// One route of the HTTP API, declared once: the local host maps it, the Functions app's trigger takes its template
/// and method from the same constants, and a test compares both with the generated <c>functions.metadata</c>.
/// </summary>
/// <param name="Name">The operation: the Function's name and the OpenAPI operationId.</param>
/// <param name="Method">The HTTP method (<see cref="ApiMethods"/>).</param>
/// <param name="Template">The route template relative to <c>/api</c> (<see cref="ApiContract.Prefix"/>), as the Functions trigger takes it.</param>
/// <param name="KeyLevel">The key it needs.</param>
public sealed record ApiRoute(string Name, string Method, string Template, ApiKeyLevel KeyLevel)
{
    /// <summary>Query and header parameters it reads, in the order the document lists them.</summary>
    public IReadOnlyList<ApiParameter> Parameters { get; init; } = [];

    /// <summary>
    /// The route checks a tracking write key itself (HTTP Basic, <see cref="TrackingRoutes"/>) although the
    /// Functions runtime lets every request through (<see cref="ApiKeyLevel.Anonymous"/>).
    /// </summary>
    public bool TakesWriteKey { get; init; }

    /// <summary>The path the local host maps: <c>/api/</c> and the template.</summary>
    public string Path => "/" + ApiContract.Prefix + "/" + Template;
}
