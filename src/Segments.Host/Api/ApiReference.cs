namespace Segments.Host.Api;

/// <summary>
/// The OpenAPI document at <c>/api/openapi.json</c>, generated from the routes' metadata, with the two key
/// schemes of Azure Functions; and the rendered reference at <c>/api/docs</c> (Swagger UI, served from the
/// package's embedded files: no CDN). Both are anonymous, like the Functions OpenAPI extension's defaults.
/// </summary>
internal static class ApiReference
{
    public const string DocumentPath = "/api/openapi.json";
    public const string PagePrefix = "api/docs";

    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<ApiOperationTransformer>();
            options.AddSchemaTransformer<OmittedNullPropertiesTransformer>();
        });

    public static void MapApiReference(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
    }

    public static void UseApiReferencePage(this WebApplication app) =>
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = PagePrefix;
            options.SwaggerEndpoint(DocumentPath, "Segments API");
            options.DocumentTitle = "Segments API reference";
            // Swagger UI otherwise sends the document to an online validator.
            options.EnableValidator(null);
        });
}
