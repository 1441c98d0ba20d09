using System.Text.Json.Nodes;

namespace Segments.Functions.Tests.Fixtures;

/// <summary>
/// One request sent to both hosts. Placeholders in braces (<c>{customer}</c>, <c>{run}</c> …) are filled from the
/// test's data before sending; <paramref name="Volatile"/> names JSON properties whose values legitimately differ
/// between two answers (a new run's id and request time), left out of the comparison, also where a header repeats them.
/// </summary>
public sealed record ParityCase(ApiRequest Request, params string[] Volatile)
{
    /// <summary>The request with its placeholders filled.</summary>
    public ApiRequest Fill(IReadOnlyDictionary<string, string> values)
    {
        string Apply(string text) => values.Aggregate(text, (current, value) => current.Replace("{" + value.Key + "}", value.Value, StringComparison.Ordinal));
        return Request with
        {
            PathAndQuery = Apply(Request.PathAndQuery),
            Headers = Request.Headers.ToDictionary(h => h.Key, h => Apply(h.Value), StringComparer.OrdinalIgnoreCase),
            Body = Request.Body is null ? null : Apply(Request.Body),
        };
    }

    /// <summary>How the two answers differ (empty when they agree): status, headers (not the transport's), body.</summary>
    public IReadOnlyList<string> Differences(ApiAnswer function, ApiAnswer host)
    {
        var differences = new List<string>();
        if (function.Status != host.Status)
        {
            differences.Add($"status {function.Status} vs {host.Status}");
        }

        var (functionBody, functionVolatile) = Comparable(function);
        var (hostBody, hostVolatile) = Comparable(host);
        foreach (var name in function.ComparedHeaders(host))
        {
            var (ours, theirs) = (Mask(function.Header(name), functionVolatile), Mask(host.Header(name), hostVolatile));
            if (!string.Equals(ours, theirs, StringComparison.Ordinal) && !SameMediaType(name, ours, theirs))
            {
                differences.Add($"{name} '{ours}' vs '{theirs}'");
            }
        }

        if (!string.Equals(functionBody, hostBody, StringComparison.Ordinal))
        {
            differences.Add($"body\n  function: {Shorten(functionBody)}\n  host:     {Shorten(hostBody)}");
        }

        return differences;
    }

    /// <inheritdoc />
    public override string ToString() => Request.ToString();

    // The body as compared (JSON re-serialised without the volatile properties), and the volatile values it held.
    private (string Body, List<string> VolatileValues) Comparable(ApiAnswer answer)
    {
        var values = new List<string>();
        if (!answer.IsJson || answer.Body.Length == 0)
        {
            return (answer.Text, values);
        }

        var json = answer.Json;
        Strip(json, values);
        return (json?.ToJsonString() ?? "null", values);
    }

    private void Strip(JsonNode? node, List<string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).Where(Volatile.Contains).ToList())
                {
                    values.Add(obj[name]?.ToString() ?? string.Empty);
                    obj.Remove(name);
                }

                obj.Select(p => p.Value).ToList().ForEach(child => Strip(child, values));
                break;
            case JsonArray array:
                array.ToList().ForEach(child => Strip(child, values));
                break;
        }
    }

    private static string? Mask(string? header, List<string> volatileValues) =>
        header is null ? null : volatileValues.Where(v => v.Length > 0).Aggregate(header, (h, v) => h.Replace(v, "{volatile}", StringComparison.Ordinal));

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";

    // "application/json; charset=utf-8" and "application/json;charset=utf-8" are one media type (RFC 9110 8.3.1:
    // whitespace around ';' is optional); ASP.NET Core's OpenAPI endpoint writes the second form.
    private static bool SameMediaType(string header, string? ours, string? theirs) =>
        header.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(ours, out var a)
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(theirs, out var b)
        && a.MediaType.Equals(b.MediaType, StringComparison.OrdinalIgnoreCase)
        && a.Charset.Equals(b.Charset, StringComparison.OrdinalIgnoreCase)
        && a.Parameters.Count == b.Parameters.Count;
}
