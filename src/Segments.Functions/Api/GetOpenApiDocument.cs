using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Api.Http;

namespace Segments.Functions.Api;

/// <summary>
/// <c>GET /api/openapi.json</c>, anonymous: the document the local host generates, from the snapshot embedded in
/// Segments.Pipeline (<see cref="OpenApiSnapshot"/>).
/// </summary>
public sealed class GetOpenApiDocument
{
    /// <summary>Answers the snapshot.</summary>
    [Function(nameof(GetOpenApiDocument))]
    public static IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, ApiMethods.Get, Route = ReferenceRoutes.Document)] HttpRequest request) =>
        OpenApiSnapshot.Document.ToActionResult();
}
