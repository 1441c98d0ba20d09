using System.Text;
using System.Text.Json.Nodes;

namespace Segments.Functions.Tests.Fixtures;

/// <summary>What a host answered: status, the headers a client relies on, and the body.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Headers">Response headers (case-insensitive names; several values joined by <c>, </c>).</param>
/// <param name="Body">The body's bytes.</param>
public sealed record ApiAnswer(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>Headers a client relies on, compared between the hosts even when neither sends them.</summary>
    public static IReadOnlyList<string> ClientHeaders { get; } = ["ETag", "Cache-Control", "Content-Type", "Location", "Retry-After"];

    /// <summary>Headers the server or transport adds (and the runtime's front end would set anew), never compared.</summary>
    public static IReadOnlySet<string> TransportHeaders { get; } = new HashSet<string>(["Date", "Server", "Content-Length", "Transfer-Encoding"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The headers to compare between this answer and <paramref name="other"/>: the client's, and any other either sends.</summary>
    public IEnumerable<string> ComparedHeaders(ApiAnswer other) =>
        ClientHeaders.Concat(Headers.Keys).Concat(other.Headers.Keys).Where(name => !TransportHeaders.Contains(name)).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>The header, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body as text.</summary>
    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>Whether the body is JSON by its content type.</summary>
    public bool IsJson => Header("Content-Type")?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The JSON body.</summary>
    public JsonNode? Json => JsonNode.Parse(Body);
}
