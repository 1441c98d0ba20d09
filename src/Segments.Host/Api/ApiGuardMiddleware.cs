using Segments.Pipeline.Api;

namespace Segments.Host.Api;

/// <summary>
/// Runs every request through <see cref="ApiRequestGuard"/> (limits, storage time budget, exceptions → the
/// error shape), writing its answers as the routes write theirs. The Functions app calls the same guard from
/// its worker middleware.
/// </summary>
internal sealed class ApiGuardMiddleware(RequestDelegate next, ApiRequestGuard guard)
{
    public Task InvokeAsync(HttpContext context) =>
        guard.InvokeAsync(context, () => next(context), answer => answer.ToResult().ExecuteAsync(context));
}
