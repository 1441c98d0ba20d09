using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Host.Api;

/// <summary>
/// Checks the key of every request to a route before it runs, as the Functions host does, at the level the
/// contract table gives the route (<see cref="ApiRouteMapping.KeyLevel"/>): anonymous routes pass, admin routes
/// need the admin key, every other route a function key or the admin key. A refusal is logged with the method, path and
/// reason; never with the key, and never with the query string, which may carry it as <c>code</c>.
/// </summary>
internal sealed partial class ApiKeyMiddleware(RequestDelegate next, ApiKeyRing keys, ILogger<ApiKeyMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var keyLevel = endpoint?.Metadata.KeyLevel();
        if (keyLevel is null or ApiKeyLevel.Anonymous)
        {
            return next(context);
        }

        var adminOnly = keyLevel == ApiKeyLevel.Admin;
        var check = keys.Check(context.Request, adminOnly);
        if (check == KeyCheck.Accepted)
        {
            return next(context);
        }

        var level = adminOnly ? "admin key" : "function key or the admin key";
        LogRefused(context.Request.Method, context.Request.Path.Value ?? string.Empty, check == KeyCheck.Missing ? "no key was sent" : "the key sent is not valid for this route", level);
        var message = check == KeyCheck.Missing
            ? $"This route needs a {level}: header x-functions-key or query parameter code."
            : $"The key sent does not open this route; it needs a {level} (header x-functions-key or query parameter code).";
        return ApiResponse.Error(401, "Unauthorized", message).ToResult().ExecuteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path}: {Reason} (needs a {Level})")]
    private partial void LogRefused(string method, string path, string reason, string level);
}
