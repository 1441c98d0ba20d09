using Segments.Core.Cohorts;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;

namespace Segments.Host.Api;

/// <summary>Cohort retention and campaign uplift.</summary>
internal static class PredictionApi
{
    public static RouteGroupBuilder MapPredictionApi(this RouteGroupBuilder api)
    {
        api.MapApiRoute(PredictionRoutes.GetCohorts, (HttpRequest request, PredictionsApi handler, CancellationToken ct) =>
            PredictionRoutes.GetCohortsAsync(handler, request, ct).ToResultAsync())
            .Describe(
                "Retention by cohort of first-order month",
                "Over the orders RFM counts (non-cancelled, with a customer id, up to the active run's as-of): per cohort (yyyy-MM of the first order) and month since (0, 1, ...), "
                + "the customers with an order in that calendar month, the rate (of the cohort's customers) and the revenue. by=country|acquisitionChannel splits the cohorts by that "
                + "customer-export field (400 InvalidCohortDimension when no export carries it); format=csv gives cohort,month,customers,rate,revenue (group first when split).")
            .Produces<CohortView>(200, "application/json", "text/csv")
            .ProducesErrors(400, 401, 404)
            .WithTags("Predictions");

        api.MapApiRoute(PredictionRoutes.GetExperimentResults, (string name, HttpRequest request, PredictionsApi handler, CancellationToken ct) =>
            PredictionRoutes.GetExperimentResultsAsync(handler, name, request, ct).ToResultAsync())
            .Describe(
                "Campaign uplift: treatment against control",
                "Customers in the experiment's segment in the earlier run, by their group; what each bought until the later run (orders and net revenue, the later run's counts less the earlier's). "
                + "Conversion (ordered at least once; two-proportion z-test), revenue and orders per customer (Welch's t-test), each with the difference, its 95% interval and p-value; "
                + "incremental revenue, and the ROI when campaignCost is given. toRun defaults to the active run, fromRun to the succeeded run before it; from and to (YYYY-MM-DD) pick the first and the last succeeded run in that range instead. "
                + "400 for an experiment without a control group, a range with fewer than two runs or a bad query; a test that cannot be computed is null, never NaN.")
            .Produces<ExperimentResultsView>(200)
            .ProducesErrors(400, 401, 404, 410)
            .WithTags("Predictions");
        return api;
    }
}
