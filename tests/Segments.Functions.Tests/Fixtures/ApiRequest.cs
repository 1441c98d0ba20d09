namespace Segments.Functions.Tests.Fixtures;

/// <summary>One HTTP request as a client sends it, to either host.</summary>
/// <param name="Method">GET or POST.</param>
/// <param name="PathAndQuery">From <c>/api</c> on, URL-encoded as on the wire, e.g. <c>/api/segments/rfm:Champions/customers?pageSize=2</c>.</param>
/// <param name="Headers">Request headers besides the key.</param>
/// <param name="Body">A UTF-8 body, or null.</param>
public sealed record ApiRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string? Body = null)
{
    /// <summary>A GET without extra headers.</summary>
    public static ApiRequest Get(string pathAndQuery, params (string Name, string Value)[] headers) =>
        new("GET", pathAndQuery, headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase));

    /// <summary>A POST with a JSON body.</summary>
    public static ApiRequest Post(string pathAndQuery, string? body) =>
        new("POST", pathAndQuery, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), body);

    /// <summary>A POST with a JSON body and headers (a tracking call's <c>Authorization</c>).</summary>
    public static ApiRequest Post(string pathAndQuery, string? body, params (string Name, string Value)[] headers) =>
        new("POST", pathAndQuery, headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase), body);

    /// <summary>The path without the query.</summary>
    public string Path => PathAndQuery.Split('?', 2)[0];

    /// <summary>The query with its <c>?</c>, or empty.</summary>
    public string Query => PathAndQuery.Contains('?', StringComparison.Ordinal) ? "?" + PathAndQuery.Split('?', 2)[1] : string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"{Method} {PathAndQuery}" + string.Concat(Headers.Select(h => $" [{h.Key}: {h.Value}]"));
}
