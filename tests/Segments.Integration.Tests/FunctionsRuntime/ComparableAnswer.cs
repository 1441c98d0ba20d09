using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Segments.Integration.Tests.FunctionsRuntime;

/// <summary>
/// What two hosts must agree on for one request: status, content type, caching headers and the body, with the
/// fields that differ between any two runs of the same data (ids, times, ETags, measured usage) blanked.
/// </summary>
public sealed partial record ComparableAnswer(int Status, string? ContentType, string? CacheControl, bool HasETag, string Body)
{
    // Ids and times of runs, batches and blob versions; durations and storage usage measured on this machine;
    // paging tokens, which pin the run id; "elapsedMs" is a computing time (the recommender's fits). Everything else is computed from the data and must match.
    private static readonly HashSet<string> VolatileFields = new(StringComparer.Ordinal)
    {
        "runId", "fromRun", "toRun", "continuationToken",
        "requestedAt", "startedAt", "finishedAt", "acceptedAt", "receivedAt", "completedAt",
        "eTag", "normalizedBlob", "stageDurationsMs", "usage", "costUsd", "elapsedMs",
    };

    /// <summary>Reads <paramref name="response"/> into its comparable form.</summary>
    public static async Task<ComparableAnswer> ReadAsync(HttpResponseMessage response)
    {
        var contentType = response.Content.Headers.ContentType?.ToString();
        var body = await response.Content.ReadAsStringAsync();
        if (contentType?.StartsWith("application/json", StringComparison.Ordinal) == true && body.Length > 0)
        {
            var json = JsonNode.Parse(body);
            Blank(json);
            body = json?.ToJsonString() ?? "null";
        }

        // Run ids also appear inside values: CSV cells, error messages.
        body = RunId().Replace(body, "(run)");

        return new ComparableAnswer(
            (int)response.StatusCode,
            contentType,
            // As sent: the typed header would reorder the directives.
            response.Headers.NonValidated.TryGetValues("Cache-Control", out var cacheControl) ? cacheControl.ToString() : null,
            response.Headers.ETag is not null,
            body);
    }

    private static void Blank(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var name in obj.Select(property => property.Key).ToList())
            {
                if (VolatileFields.Contains(name) && obj[name] is not null)
                {
                    obj[name] = "(volatile)";
                }
                else
                {
                    Blank(obj[name]);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Blank(item);
            }
        }
    }

    [GeneratedRegex(@"\b\d{8}T\d{9}Z-[0-9a-z]+\b")]
    private static partial Regex RunId();
}
