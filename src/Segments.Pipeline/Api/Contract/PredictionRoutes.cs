using Microsoft.AspNetCore.Http;
using Segments.Pipeline.Api.Http;

namespace Segments.Pipeline.Api.Contract;

/// <summary>Cohort retention and campaign uplift.</summary>
public static class PredictionRoutes
{
    /// <summary>The template of the cohort table.</summary>
    public const string Cohorts = "cohorts";

    /// <summary>The template of an experiment's results.</summary>
    public const string ExperimentResults = "experiments/{name}/results";

    /// <summary><c>country</c> or <c>acquisitionChannel</c>: split the cohorts by that profile field.</summary>
    public static ApiParameter By { get; } = ApiParameter.Query("by", "country or acquisitionChannel: split the cohorts by that customer-export field.");

    /// <summary><c>json</c> (default) or <c>csv</c>.</summary>
    public static ApiParameter Format { get; } = ApiParameter.Query("format");

    /// <summary>The earlier run.</summary>
    public static ApiParameter FromRun { get; } = ApiParameter.Query("fromRun");

    /// <summary>The later run.</summary>
    public static ApiParameter ToRun { get; } = ApiParameter.Query("toRun");

    /// <summary>Start of a date range of run as-of dates.</summary>
    public static ApiParameter From { get; } = ApiParameter.Query("from", "YYYY-MM-DD: with to, compare the first and the last succeeded run with an as-of in the range.");

    /// <summary>End of the date range.</summary>
    public static ApiParameter To { get; } = ApiParameter.Query("to", "YYYY-MM-DD: end of the range (with from).");

    /// <summary>What the campaign cost, for the ROI.</summary>
    public static ApiParameter CampaignCost { get; } = ApiParameter.Query("campaignCost", "What the campaign cost, in the store's currency: gives the ROI.");

    /// <summary><c>GET /api/cohorts</c>.</summary>
    public static ApiRoute GetCohorts { get; } = new(nameof(GetCohorts), ApiMethods.Get, Cohorts, ApiKeyLevel.Function) { Parameters = [By, Format] };

    /// <summary><c>GET /api/experiments/{name}/results</c>.</summary>
    public static ApiRoute GetExperimentResults { get; } =
        new(nameof(GetExperimentResults), ApiMethods.Get, ExperimentResults, ApiKeyLevel.Function) { Parameters = [FromRun, ToRun, From, To, CampaignCost] };

    /// <summary>The feature's routes.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } = [GetCohorts, GetExperimentResults];

    /// <summary>Answers <see cref="GetCohorts"/>.</summary>
    public static Task<ApiResponse> GetCohortsAsync(PredictionsApi api, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api.GetCohortsAsync(request.Read(By), request.Read(Format), cancellationToken);
    }

    /// <summary>Answers <see cref="GetExperimentResults"/>.</summary>
    public static Task<ApiResponse> GetExperimentResultsAsync(PredictionsApi api, string name, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var query = ExperimentResultsRequest.Parse(request.Read(FromRun), request.Read(ToRun), request.Read(From), request.Read(To), request.Read(CampaignCost));
        return api.GetExperimentResultsAsync(name, query, cancellationToken);
    }
}
