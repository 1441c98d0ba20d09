using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Segments.Pipeline.Api;

namespace Segments.Functions.Api;

/// <summary>
/// Runs every HTTP function through <see cref="ApiRequestGuard"/> (limits, storage time budget, exceptions → the
/// error shape), as the local host's middleware does. Unknown routes and wrong methods never reach the worker:
/// the Functions runtime answers them itself (404/405 with an empty body).
/// </summary>
internal sealed class ApiGuardWorkerMiddleware(ApiRequestGuard guard) : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            return next(context);
        }

        return guard.InvokeAsync(
            http,
            () => next(context),
            answer => answer.ToActionResult().ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor())));
    }
}
