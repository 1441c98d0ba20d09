namespace Segments.Pipeline.Api.Contract;

/// <summary>
/// The OpenAPI document and the rendered reference page: anonymous, because marketing tools read the contract
/// where they call it. Neither is an operation of the document itself.
/// </summary>
public static class ReferenceRoutes
{
    /// <summary>The template of the document.</summary>
    public const string Document = "openapi.json";

    /// <summary>The page's folder under <c>/api</c> (Swagger UI's files: <c>index.html</c>, scripts, styles).</summary>
    public const string PageFolder = "docs";

    /// <summary>The template of the page and its files.</summary>
    public const string Page = PageFolder + "/{*path}";

    /// <summary><c>GET /api/openapi.json</c>.</summary>
    public static ApiRoute GetOpenApiDocument { get; } = new(nameof(GetOpenApiDocument), ApiMethods.Get, Document, ApiKeyLevel.Anonymous);

    /// <summary><c>GET /api/docs</c> and its files.</summary>
    public static ApiRoute ShowApiReference { get; } = new(nameof(ShowApiReference), ApiMethods.Get, Page, ApiKeyLevel.Anonymous);

    /// <summary>The feature's routes.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } = [GetOpenApiDocument, ShowApiReference];
}
