using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Predictions;

/// <summary>
/// The shipped sample through the host, two runs: predictive fields in lookups, the <c>predictive:</c> family in
/// listings, the holdout check in the run, cohorts, and an experiment's uplift between the runs.
/// </summary>
public sealed class PredictionsEndToEndTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    private const string Experiments =
        """
        {"experiments": [
          {"name": "active-upsell", "segment": "lifecycle:Active", "controlShare": 0.5},
          {"name": "no-holdout", "segment": "rfm:Champions", "controlShare": 0}
        ]}
        """;

    private async Task<(JsonElement Earlier, JsonElement Later)> TwoRunsAsync()
    {
        await Host.Storage.EnsureReadyAsync(CancellationToken.None);
        await new ConfigStore(Host.Storage).WriteTextAsync("experiments.json", Experiments, CancellationToken.None);
        await Host.WaitForBatchAsync(await Host.UploadFileAsync("sample/online-retail-sample.csv", RepositoryPaths.Sample));
        var earlier = await Host.RunAsync("2011-09-30");
        var later = await Host.RunAsync("2011-12-10");
        Assert.Equal(("succeeded", "succeeded"), (earlier.GetProperty("status").GetString(), later.GetProperty("status").GetString()));
        return (earlier, later);
    }

    [Fact]
    public async Task The_shipped_sample_gets_predictive_fields_the_predictive_family_the_holdout_check_and_cohorts()
    {
        var (_, later) = await TwoRunsAsync();

        // The run: the nested model stated, the family's sizes, the holdout check.
        var run = await Host.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{later.GetProperty("runId").GetString()}");
        var predictions = run.GetProperty("predictions");
        Assert.Equal("NestedModel", predictions.GetProperty("purchaseModel").GetProperty("estimation").GetString());
        var accuracy = predictions.GetProperty("accuracy");
        Assert.Equal(182, accuracy.GetProperty("actualPurchases").GetDouble());
        Assert.InRange(accuracy.GetProperty("brierScore").GetDouble(), 0, 0.25);
        Assert.NotEmpty(accuracy.GetProperty("tracking").EnumerateArray());
        var high = predictions.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "High churn risk").GetProperty("customers").GetInt32();

        // The family lists its members, each with the churn fields.
        var listing = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/predictive:High%20churn%20risk/customers?pageSize=1000");
        var members = listing.GetProperty("customers").EnumerateArray().ToList();
        Assert.Equal(high, members.Count);
        Assert.All(members, m => Assert.Equal("high", m.GetProperty("predictive").GetProperty("churnRiskBand").GetString()));
        var lookup = await Host.Http.GetFromJsonAsync<JsonElement>($"/api/customers/{members[0].GetProperty("customerId").GetString()}");
        Assert.InRange(lookup.GetProperty("predictive").GetProperty("churnProbability").GetDouble(), 0.8, 1);
        Assert.Contains(lookup.GetProperty("memberships").EnumerateArray(), m => m.GetProperty("segment").GetString() == "predictive:High churn risk");

        // Cohorts: the first cohort's month 0 is everyone in it.
        var cohorts = await Host.Http.GetFromJsonAsync<JsonElement>("/api/cohorts");
        var first = cohorts.GetProperty("cohorts")[0];
        Assert.Equal(("2010-12", 0, 1.0), (first.GetProperty("cohort").GetString(), first.GetProperty("month").GetInt32(), first.GetProperty("rate").GetDouble()));
        var csv = await Host.Http.GetStringAsync("/api/cohorts?format=csv");
        Assert.StartsWith("cohort,month,customers,rate,revenue\n2010-12,0,", csv, StringComparison.Ordinal);
        var unknown = await Host.Http.GetAsync("/api/cohorts?by=country");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Experiment_results_compare_the_groups_between_the_two_runs_and_refuse_an_experiment_without_control()
    {
        var (earlier, _) = await TwoRunsAsync();
        var earlierSize = (await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/lifecycle:Active/history")).GetProperty("runs").EnumerateArray()
            .Single(r => r.GetProperty("runId").GetString() == earlier.GetProperty("runId").GetString()).GetProperty("customers").GetInt32();

        var answer = await Host.Http.GetFromJsonAsync<JsonElement>("/api/experiments/active-upsell/results?campaignCost=100");

        Assert.Equal(earlier.GetProperty("runId").GetString(), answer.GetProperty("fromRun").GetProperty("runId").GetString());
        var results = answer.GetProperty("results");
        // Everyone in the segment in the earlier run, in one group or the other.
        Assert.Equal(earlierSize, results.GetProperty("controlCustomers").GetInt32() + results.GetProperty("treatmentCustomers").GetInt32());
        Assert.True(results.GetProperty("controlCustomers").GetInt32() > 0 && results.GetProperty("treatmentCustomers").GetInt32() > 0);
        var conversion = results.GetProperty("conversion");
        Assert.Equal("two-proportion z-test", conversion.GetProperty("test").GetString());
        Assert.InRange(conversion.GetProperty("pValue").GetDouble(), 0, 1);
        Assert.Equal(100, results.GetProperty("campaignCost").GetDouble());

        var refused = await Host.Http.GetAsync("/api/experiments/no-holdout/results");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("NoControlGroup", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var range = await Host.Http.GetAsync("/api/experiments/active-upsell/results?from=2001-01-01&to=2001-12-31");
        Assert.Equal(HttpStatusCode.BadRequest, range.StatusCode);
    }
}
