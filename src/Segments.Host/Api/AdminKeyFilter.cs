using Segments.Pipeline.Api;

namespace Segments.Host.Api;

/// <summary>
/// Admin authorisation for a single endpoint, for routes mapped outside the key middleware's reach. Routes
/// under <c>/api</c> declare <see cref="EndpointKeyLevels.RequireAdminKey{TBuilder}"/> instead, which the
/// middleware enforces (with a log line) before this filter would run.
/// </summary>
internal sealed class AdminKeyFilter(ApiKeyRing keys) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        keys.Check(context.HttpContext.Request, adminOnly: true) == KeyCheck.Accepted
            ? await next(context).ConfigureAwait(false)
            : ApiResponse.Error(401, "Unauthorized", "A valid admin key is required (header x-functions-key or query code).").ToResult();
}
