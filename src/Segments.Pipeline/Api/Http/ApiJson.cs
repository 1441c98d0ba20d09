using System.Text.Json;
using System.Text.Json.Serialization;

namespace Segments.Pipeline.Api.Http;

/// <summary>The JSON of every answer: web defaults (camelCase) with enums as their names, in both hosts.</summary>
public static class ApiJson
{
    /// <summary>The serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Adds the API's converters to options a host owns (the local host's OpenAPI schemas read them).</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter());
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
