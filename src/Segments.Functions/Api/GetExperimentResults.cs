using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Functions.Api;

/// <summary><c>GET /api/experiments/{name}/results</c>: treatment against control between two runs.</summary>
public sealed class GetExperimentResults(PredictionsApi api)
{
    /// <summary>Answers through <see cref="PredictionRoutes.GetExperimentResultsAsync"/>.</summary>
    [Function(nameof(GetExperimentResults))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, ApiMethods.Get, Route = PredictionRoutes.ExperimentResults)] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        PredictionRoutes.GetExperimentResultsAsync(api, name, request, cancellationToken).ToActionResultAsync();
}
