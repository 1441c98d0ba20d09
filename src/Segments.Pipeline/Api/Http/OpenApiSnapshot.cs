using System.Text;

namespace Segments.Pipeline.Api.Http;

/// <summary>
/// The OpenAPI document the local host generates, committed as <c>Api/openapi.json</c> and embedded here, so that
/// the Functions app (which has no generator) serves the same contract, byte for byte. Its one server is the
/// relative <c>/</c>, so the document holds at whichever address it is served. A test regenerates the document
/// from the local host and fails when this snapshot is stale.
/// </summary>
public static class OpenApiSnapshot
{
    /// <summary>The embedded resource's name.</summary>
    public const string ResourceName = "Segments.Pipeline.Api.openapi.json";

    private static readonly Lazy<string> Text = new(Load);

    /// <summary>The snapshot as committed.</summary>
    public static string Committed => Text.Value;

    /// <summary>The document as an answer.</summary>
    public static ApiResponse Document { get; } = ApiResponse.Json(Encoding.UTF8.GetBytes(Committed));

    private static string Load()
    {
        using var stream = typeof(OpenApiSnapshot).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from Segments.Pipeline.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
