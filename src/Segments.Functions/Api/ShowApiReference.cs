using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Api.Http;

namespace Segments.Functions.Api;

/// <summary>
/// <c>GET /api/docs</c> and its files, anonymous: the local host's API reference page (Swagger UI from the package's
/// embedded files, options from <see cref="ApiReferencePage"/>), run here as the middleware it is in the local host,
/// on the worker's ASP.NET Core request. A path that is none of its files is 404 in the one error shape.
/// </summary>
public sealed class ShowApiReference(IServiceProvider services)
{
    // Built once: the middleware reads Swagger UI's embedded files and its index template when it is created.
    private static RequestDelegate? s_page;

    /// <summary>Serves the page, a redirect to <c>index.html</c>, or one of its files.</summary>
    [Function(nameof(ShowApiReference))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, ApiMethods.Get, Route = ReferenceRoutes.Page)] HttpRequest request)
    {
        s_page ??= Build(services);
        await s_page(request.HttpContext).ConfigureAwait(false);
        return new EmptyResult();
    }

    private static RequestDelegate Build(IServiceProvider services)
    {
        var page = new ApplicationBuilder(services);
        page.UseSwaggerUI(ApiReferencePage.Options());
        page.Run(NotFound);
        return page.Build();
    }

    // What the local host answers for a path no route or page file serves.
    private static Task NotFound(HttpContext context) =>
        ApiResponseWriter.WriteAsync(ServerErrors.For(404, context.Request.Method, context.Request.Path), context);
}
