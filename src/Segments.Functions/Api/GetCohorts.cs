using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/cohorts?by=&amp;format=</c>: the active run's retention by cohort of first-order month.</summary>
public sealed class GetCohorts(PredictionsApi api)
{
    /// <summary>Answers through <see cref="PredictionRoutes.GetCohortsAsync"/>.</summary>
    [Function(nameof(GetCohorts))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, ApiMethods.Get, Route = PredictionRoutes.Cohorts)] HttpRequest request,
        CancellationToken cancellationToken) =>
        PredictionRoutes.GetCohortsAsync(api, request, cancellationToken).ToActionResultAsync();
}
