using Microsoft.OpenApi;

namespace Segments.Host.Api;

/// <summary>
/// One way of sending a key, as the OpenAPI document names it: Azure Functions takes a key in header
/// <c>x-functions-key</c> or query parameter <c>code</c>, and a function key and the admin key are
/// separate schemes so that admin-only routes can ask for the admin key alone.
/// </summary>
/// <param name="Id">The scheme's name under <c>components/securitySchemes</c>.</param>
/// <param name="In">Header or query.</param>
/// <param name="Name">The header or query parameter that carries the key.</param>
/// <param name="Description">What the key opens.</param>
/// <param name="Admin">The scheme carries the admin key (the only key admin-only routes take).</param>
internal sealed record ApiKeyScheme(string Id, ParameterLocation In, string Name, string Description, bool Admin)
{
    /// <summary>Every scheme the API takes, function keys first.</summary>
    public static IReadOnlyList<ApiKeyScheme> All { get; } =
    [
        new("functionKey", ParameterLocation.Header, "x-functions-key", "A function key (Segments:FunctionKey or Segments:FunctionKeys:{name}); opens every read route.", Admin: false),
        new("functionKeyQuery", ParameterLocation.Query, "code", "A function key as query parameter code.", Admin: false),
        new("adminKey", ParameterLocation.Header, "x-functions-key", "The admin key (Segments:AdminKey, the Functions master key's role): opens every route, and is the only key for POST /api/runs and configuration changes.", Admin: true),
        new("adminKeyQuery", ParameterLocation.Query, "code", "The admin key as query parameter code.", Admin: true),
    ];
}
