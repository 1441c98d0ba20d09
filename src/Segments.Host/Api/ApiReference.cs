using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Api.Http;

namespace Segments.Host.Api;

/// <summary>
/// The OpenAPI document at <c>/api/openapi.json</c>, generated from the routes' metadata, with the two key
/// schemes of Azure Functions; and the rendered reference at <c>/api/docs</c> (Swagger UI, served from the
/// package's embedded files: no CDN). Both are anonymous, like the Functions OpenAPI extension's defaults.
/// Query and header parameters, and each operation's security, come from the contract table's route
/// (<see cref="ApiRoute"/>), which the handlers read their parameters by too.
/// </summary>
internal static class ApiReference
{
    private static readonly (string Id, ParameterLocation In, string Name, string Description)[] Schemes =
    [
        ("functionKey", ParameterLocation.Header, "x-functions-key", "A function key (Segments:FunctionKey or Segments:FunctionKeys:{name}); opens every read route."),
        ("functionKeyQuery", ParameterLocation.Query, "code", "A function key as query parameter code."),
        ("adminKey", ParameterLocation.Header, "x-functions-key", "The admin key (Segments:AdminKey, the Functions master key's role): opens every route, and is the only key for POST /api/runs and configuration changes."),
        ("adminKeyQuery", ParameterLocation.Query, "code", "The admin key as query parameter code."),
    ];

    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Segments API",
                    Version = "1",
                    Description = "Customer segments (RFM, lifecycle, clusters, predictions, rule segments) as marketing tools and finance read them. "
                        + "Every error is {\"error\":{\"code\",\"message\"}}. Keys as in Azure Functions: header x-functions-key or query code.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                foreach (var (id, location, name, description) in Schemes)
                {
                    document.Components.SecuritySchemes[id] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = location, Name = name, Description = description };
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer(async (operation, context, cancellationToken) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<DocumentedBody>().FirstOrDefault() is { } body)
                {
                    var schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken).ConfigureAwait(false);
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = false,
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = schema } },
                    };
                }

                var route = metadata.OfType<ApiRoute>().FirstOrDefault();
                foreach (var parameter in route?.Parameters ?? [])
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = parameter.Name,
                        In = parameter.In == ApiParameterSource.Query ? ParameterLocation.Query : ParameterLocation.Header,
                        Description = parameter.Description,
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    });
                }

                var keyLevel = new EndpointMetadataCollection(metadata).KeyLevel();
                if (keyLevel == ApiKeyLevel.Anonymous)
                {
                    return;
                }

                var adminOnly = keyLevel == ApiKeyLevel.Admin;
                operation.Security = Schemes
                    .Where(s => !adminOnly || s.Id.StartsWith("admin", StringComparison.Ordinal))
                    .Select(s => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(s.Id, context.Document)] = [] })
                    .ToList();
            });
        });

    public static void MapApiReference(this WebApplication app)
    {
        app.MapOpenApi(ReferenceRoutes.GetOpenApiDocument.Path).WithMetadata(ReferenceRoutes.GetOpenApiDocument);
    }

    public static void UseApiReferencePage(this WebApplication app) =>
        app.UseSwaggerUI(ApiReferencePage.Options());
}
