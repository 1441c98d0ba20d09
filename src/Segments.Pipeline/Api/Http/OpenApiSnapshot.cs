using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Segments.Pipeline.Api.Http;

/// <summary>
/// The OpenAPI document the local host generates, committed as <c>Api/openapi.json</c> and embedded here, so that
/// the Functions app (which has no generator) serves the same contract. It is stored without <c>servers</c>: like
/// the local host's generator, the answer names the origin it was requested from. A test regenerates the document
/// from the local host and fails when this snapshot is stale.
/// </summary>
public static class OpenApiSnapshot
{
    /// <summary>The embedded resource's name.</summary>
    public const string ResourceName = "Segments.Pipeline.Api.openapi.json";

    private static readonly Lazy<string> Text = new(Load);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The snapshot as committed (no <c>servers</c>).</summary>
    public static string Committed => Text.Value;

    /// <summary>The document for a request: the snapshot with <c>servers</c> naming the request's origin.</summary>
    public static ApiResponse For(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = JsonNode.Parse(Committed)!.AsObject();
        var origin = $"{request.Scheme}://{request.Host}{request.PathBase}/";
        var servers = new JsonArray(new JsonObject { ["url"] = origin });
        var afterInfo = document.IndexOf("info") + 1;
        document.Insert(afterInfo, "servers", servers);
        return ApiResponse.Json(Encoding.UTF8.GetBytes(document.ToJsonString(Indented)));
    }

    private static string Load()
    {
        using var stream = typeof(OpenApiSnapshot).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from Segments.Pipeline.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
