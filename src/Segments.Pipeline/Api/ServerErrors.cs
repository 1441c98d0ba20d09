using Microsoft.AspNetCore.WebUtilities;

namespace Segments.Pipeline.Api;

/// <summary>
/// The error-shaped answers for what the server itself refuses before (or instead of) a handler: an unknown
/// route, a wrong method, a body, URL or header block over its limit, a malformed request. Both hosts answer
/// these in the one error shape, never with an empty body.
/// </summary>
public static class ServerErrors
{
    /// <summary>The answer for <paramref name="statusCode"/> to <paramref name="method"/> <paramref name="path"/> (path only: the query may carry a key).</summary>
    public static ApiResponse For(int statusCode, string method, string path) => statusCode switch
    {
        400 => ApiResponse.Error(400, "BadRequest", $"The request to {Shown(path)} is malformed."),
        404 => ApiResponse.Error(404, "RouteNotFound", $"No route answers {method} {Shown(path)}; the routes are listed in /api/openapi.json."),
        405 => ApiResponse.Error(405, "MethodNotAllowed", $"{Shown(path)} does not take {method}; the routes and their methods are listed in /api/openapi.json."),
        413 => ApiResponse.Error(413, "RequestTooLarge", $"The body of {method} {Shown(path)} is larger than this route takes."),
        414 => ApiResponse.Error(414, "UriTooLong", $"The URL is longer than {ApiRequestGuard.MaxUrlChars:N0} characters."),
        431 => ApiResponse.Error(431, "RequestHeadersTooLarge", $"The request headers are larger than {ApiRequestGuard.MaxHeaderBytes:N0} bytes."),
        _ => ApiResponse.Error(statusCode, $"Http{statusCode}", ReasonPhrases.GetReasonPhrase(statusCode) is { Length: > 0 } phrase ? phrase + "." : $"HTTP status {statusCode}."),
    };

    // A path in a message: cut, so that a 10 KB id does not come back whole.
    private static string Shown(string path) => path.Length <= 200 ? path : string.Concat(path.AsSpan(0, 200), "…");
}
