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

    /// <summary>Name, summary and description in one call, so each route reads as one block.</summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string name, string summary, string description) =>
        builder.WithName(name).WithSummary(summary).WithDescription(description);
}
