using Segments.Pipeline.Api;

namespace Segments.Host.Api;

/// <summary>Shorthands that put a route's answers into the OpenAPI document.</summary>
internal static class ApiDocumentation
{
    /// <summary>The route answers these statuses with the one error shape <c>{"error":{"code","message"}}</c>.</summary>
    public static RouteHandlerBuilder ProducesErrors(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var status in statusCodes)
        {
            builder.Produces<ApiErrorBody>(status);
        }

        return builder;
    }

    /// <summary>
    /// Documents the JSON body a handler reads itself. Not <c>Accepts</c>: that metadata makes routing
    /// refuse other content types with 415, and the API answers every bad body with its own 400.
    /// </summary>
    public static RouteHandlerBuilder DocumentsBody<TBody>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new DocumentedBody(typeof(TBody)));

    /// <summary>Summary and description in one call, so each route reads as one block (the name is the contract route's).</summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string summary, string description) =>
        builder.WithSummary(summary).WithDescription(description);
}

/// <summary>Endpoint metadata: the type whose JSON shape the request body has, for the OpenAPI document only.</summary>
internal sealed record DocumentedBody(Type Type);
