using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Api.Http;

namespace Segments.Host.Api;

/// <summary>
/// The OpenAPI document at <c>/api/openapi.json</c>, generated from the routes' metadata and the contract table
/// (parameters, key levels), with the key schemes of Azure Functions; and the rendered reference at
/// <c>/api/docs</c> (Swagger UI, served from the package's embedded files: no CDN). Both are anonymous, like
/// the Functions OpenAPI extension's defaults.
/// </summary>
internal static class ApiReference
{
    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<ApiOperationTransformer>();
            options.AddSchemaTransformer<OmittedNullPropertiesTransformer>();
        });

    public static void MapApiReference(this WebApplication app)
    {
        app.MapOpenApi(ReferenceRoutes.GetOpenApiDocument.Path).WithMetadata(ReferenceRoutes.GetOpenApiDocument);
    }

    public static void UseApiReferencePage(this WebApplication app) =>
        app.UseSwaggerUI(ApiReferencePage.Options());
}
