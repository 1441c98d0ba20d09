using Microsoft.AspNetCore.Builder;
using Segments.Pipeline.Api.Contract;
using Swashbuckle.AspNetCore.SwaggerUI;

namespace Segments.Pipeline.Api.Http;

/// <summary>
/// The rendered API reference at <c>/api/docs</c>: Swagger UI served from the package's embedded files (no CDN),
/// reading <c>/api/openapi.json</c>. Both hosts configure it here, so the page is the same in both.
/// </summary>
public static class ApiReferencePage
{
    /// <summary>The document the page reads.</summary>
    public const string DocumentPath = "/" + ApiContract.Prefix + "/" + ReferenceRoutes.Document;

    /// <summary>The page's route prefix.</summary>
    public const string RoutePrefix = ApiContract.Prefix + "/" + ReferenceRoutes.PageFolder;

    /// <summary>Sets Swagger UI's options.</summary>
    public static void Configure(SwaggerUIOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RoutePrefix = RoutePrefix;
        options.SwaggerEndpoint(DocumentPath, "Segments API");
        options.DocumentTitle = "Segments API reference";
        // Swagger UI otherwise sends the document to an online validator.
        options.EnableValidator(null);
    }

    /// <summary>Swagger UI's options as <see cref="Configure"/> sets them.</summary>
    public static SwaggerUIOptions Options()
    {
        var options = new SwaggerUIOptions();
        Configure(options);
        return options;
    }
}
