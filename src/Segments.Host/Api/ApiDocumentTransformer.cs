using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Segments.Host.Api;

/// <summary>
/// The document-wide parts of <c>/api/openapi.json</c>: what the API is, where it is served, the key schemes
/// and what each tag groups. The server is the relative <c>/</c> (paths carry <c>/api</c>), so the document
/// is the same from whichever host and address it is fetched.
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    /// <summary>The security scheme of the tracking routes (<see cref="Segments.Pipeline.Api.Contract.ApiRoute.TakesWriteKey"/>).</summary>
    public const string WriteKeyScheme = "writeKey";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Health"] = "Liveness probe; anonymous, touches no storage.",
        ["Customers"] = "A customer's segments in the active run, one at a time or up to 1,000 at once.",
        ["Segments"] = "Segments of the active run: sizes, definitions, members (JSON pages or CSV), changes between runs, history and profiles.",
        ["Recommendations"] = "Each customer's next products and each segment's, as the active run ranked them with the model its holdout chose.",
        ["Runs"] = "Recomputes: request one (admin key), watch it, list every run with its cost (JSON or CSV).",
        ["Batches"] = "The ledger of ingested exports, order and customer exports alike.",
        ["Predictions"] = "Cohort retention by month of the first order, and campaign uplift of the A/B groups between two runs.",
        ["Dashboard"] = "The HTML dashboard for finance and people who read rather than integrate.",
        ["Tracking"] = "Segment-compatible HTTP tracking API (analytics-node, RudderStack and other Segment SDKs): behaviour events into the events container. Authenticated by a write key (HTTP Basic user name), not a function key.",
        ["Destinations"] = "Activation: where entered/exited moves are pushed after each run (signed webhooks, Event Grid, audience files), deliveries per run, dead letters and replay.",
    };

    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Segments API",
            Version = "1",
            Description = "Customer segments (RFM, lifecycle, clusters, predictions, rule segments) as marketing tools and finance read them. "
                + "Every error is {\"error\":{\"code\",\"message\"}}. Keys as in Azure Functions: header x-functions-key or query code.",
        };

        // The generator names the address the document was fetched from (with a trailing slash); relative, the
        // document holds wherever the API runs: the local host, Azure Functions, behind a proxy.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The host that serves this document (paths include /api)." }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        foreach (var scheme in ApiKeyScheme.All)
        {
            document.Components.SecuritySchemes[scheme.Id] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = scheme.In, Name = scheme.Name, Description = scheme.Description };
        }

        // The tracking API's write key, as Segment takes it: HTTP Basic, the key as user name, no password.
        document.Components.SecuritySchemes[WriteKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "basic",
            Description = "A write key of Segments:WriteKeys as the HTTP Basic user name, password empty (Authorization: Basic base64(\"KEY:\")); or writeKey in the body.",
        };

        // A tag without a description here stays without one, and the lint test says so.
        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        return Task.CompletedTask;
    }
}
