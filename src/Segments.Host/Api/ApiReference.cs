using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

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

                if (metadata.OfType<IAllowAnonymous>().Any())
                {
                    return;
                }

                var adminOnly = metadata.OfType<AdminKeyRequired>().Any();
                operation.Security = Schemes
                    .Where(s => !adminOnly || s.Id.StartsWith("admin", StringComparison.Ordinal))
                    .Select(s => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(s.Id, context.Document)] = [] })
                    .ToList();
            });
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
