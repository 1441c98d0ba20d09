using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Host.Api;

/// <summary>
/// Per-operation parts the generator cannot see in endpoint metadata: the JSON body a handler reads itself,
/// the query and header parameters the contract route reads, the keys the route takes (none for anonymous
/// routes, the admin key alone for admin routes) and the shape of CSV answers.
/// </summary>
internal sealed class ApiOperationTransformer : IOpenApiOperationTransformer
{
    private const string CsvMediaType = "text/csv";

    /// <inheritdoc />
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<DocumentedBody>().FirstOrDefault() is { } body)
        {
            // A component and a reference to it, not the schema inline: the seven tracking routes share one body.
            IOpenApiSchema schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken).ConfigureAwait(false);
            if (context.Document is { } document)
            {
                document.AddComponent(body.Type.Name, schema);
                schema = new OpenApiSchemaReference(body.Type.Name, document);
            }

            operation.RequestBody = new OpenApiRequestBody
            {
                Required = false,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = schema } },
            };
        }

        foreach (var parameter in metadata.OfType<ApiRoute>().FirstOrDefault()?.Parameters ?? [])
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
        var takesWriteKey = metadata.OfType<ApiRoute>().FirstOrDefault()?.TakesWriteKey ?? false;
        operation.Security = takesWriteKey
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentTransformer.WriteKeyScheme, context.Document)] = [] }]
            : SecurityOf(keyLevel, context.Document);
        DocumentCsvAsText(operation);
        if (keyLevel != ApiKeyLevel.Anonymous || takesWriteKey)
        {
            DocumentStorageOutage(operation, context.Document);
        }
    }

    // Anonymous routes say so with an empty list (OpenAPI: no key needed), so that every operation states
    // its security; keyed routes list the schemes that open them, any one of which is enough.
    private static List<OpenApiSecurityRequirement> SecurityOf(ApiKeyLevel keyLevel, OpenApiDocument? document)
    {
        if (keyLevel == ApiKeyLevel.Anonymous)
        {
            return [];
        }

        var adminOnly = keyLevel == ApiKeyLevel.Admin;
        return ApiKeyScheme.All
            .Where(scheme => !adminOnly || scheme.Admin)
            .Select(scheme => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme.Id, document)] = [] })
            .ToList();
    }

    // Every keyed route reads storage (anonymous ones do not: health, the document); while storage does not
    // answer, what cannot be served from memory is 503 StorageUnavailable with Retry-After (issue 12, point 2).
    private static void DocumentStorageOutage(OpenApiOperation operation, OpenApiDocument? document)
    {
        operation.Responses ??= [];
        operation.Responses.TryAdd("503", new OpenApiResponse
        {
            Description = "Storage does not answer; retry after the seconds in Retry-After.",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before retrying.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
            },
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(nameof(ApiErrorBody), document) },
            },
        });
    }

    // Produces<T>(status, "application/json", "text/csv") gives both media types T's JSON schema; a CSV
    // answer is text whose columns the operation's description lists.
    private static void DocumentCsvAsText(OpenApiOperation operation)
    {
        foreach (var response in operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
        {
            if (response.Content?.ContainsKey(CsvMediaType) == true)
            {
                response.Content[CsvMediaType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "CSV with a header row (RFC 4180 quoting, UTF-8); the columns are in the operation's description." },
                };
            }
        }
    }
}
