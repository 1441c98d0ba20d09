using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Batches;

namespace Segments.Integration.Tests.Api;

/// <summary>
/// <c>POST /api/runs</c> refuses what it does not understand instead of running as of today: unknown
/// (or wrongly cased) properties by name, a non-boolean <c>allowEmpty</c>, an as-of far past any data, and an as-of
/// before the first order or too long after the latest that the Batches ledger records, saying which.
/// </summary>
public sealed class RunRequestValidationTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    [Theory]
    [InlineData("""{"asof":"2011-12-10"}""", "Unknown property 'asof'")]
    [InlineData("""{"asOf":"2011-12-10","dryRun":true}""", "Unknown property 'dryRun'")]
    [InlineData("""{"allowEmpty":"yes"}""", "allowEmpty must be true or false, not \"yes\"")]
    [InlineData("""{"asOf":"9999-12-31"}""", "asOf 9999-12-31 is ")]
    public async Task Run_request_that_is_not_understood_is_400_saying_what(string body, string reason)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = new StringContent(body) };
        request.Headers.Add("x-functions-key", SegmentsHostFactory.AdminKey);

        using var response = await Host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("InvalidRunRequest", error.GetProperty("code").GetString());
        Assert.Contains(reason, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty((await Host.Http.GetFromJsonAsync<JsonElement>("/api/runs")).EnumerateArray());
    }

    [Fact]
    public async Task Run_request_with_allow_empty_is_accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = new StringContent("""{"asOf":"2011-12-10","allowEmpty":true}""") };
        request.Headers.Add("x-functions-key", SegmentsHostFactory.AdminKey);

        using var response = await Host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("2011-12-10", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("asOf").GetString());
    }

    [Theory]
    [InlineData("""{"asOf":"1900-01-01"}""", "as-of 1900-01-01 is before the first order (2010-12-01); the data runs from 2010-12-01 to 2011-12-09.")]
    [InlineData("""{"asOf":"2030-01-01"}""", "as-of 2030-01-01 is 6598 days after the latest order (2011-12-09); at most 366 days are allowed (setting Segments:MaxAsOfDaysAfterLatestOrder); the data runs from 2010-12-01 to 2011-12-09.")]
    [InlineData("", "days after the latest order (2011-12-09); at most 366 days are allowed (setting Segments:MaxAsOfDaysAfterLatestOrder)")]
    public async Task As_of_outside_the_ingested_orders_is_400_naming_the_bound_and_queues_nothing(string body, string reason)
    {
        await IngestSampleAsync();

        using var response = await PostRunAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("InvalidRunRequest", error.GetProperty("code").GetString());
        Assert.Contains(reason, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty((await Host.Http.GetFromJsonAsync<JsonElement>("/api/runs")).EnumerateArray());
    }

    [Fact]
    public async Task As_of_inside_the_ingested_orders_is_accepted()
    {
        var batch = await IngestSampleAsync();

        using var response = await PostRunAsync("""{"asOf":"2011-12-10"}""");

        Assert.Equal(("2010-12-01", "2011-12-09"), (batch.GetProperty("firstOrderDate").GetString(), batch.GetProperty("latestOrderDate").GetString()));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("2011-12-10", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("asOf").GetString());
    }

    [Fact]
    public async Task Ledger_row_without_order_dates_leaves_the_as_of_to_the_run_which_fails_saying_why()
    {
        // A row ingested before the ledger kept order dates: the request cannot be checked, the run still is.
        await IngestSampleAsync();
        var ledger = new BatchLedger(Host.Storage);
        var row = await ledger.GetAsync(BatchKind.Transactions, "sample.csv", CancellationToken.None);
        await ledger.SaveAsync(row! with { FirstOrderDate = null, LatestOrderDate = null }, CancellationToken.None);

        using var response = await PostRunAsync("""{"asOf":"1900-01-01"}""");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = await Host.WaitForRunAsync(response.Headers.Location!.ToString());

        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Equal("as-of 1900-01-01 is before the first order (2010-12-01); the data runs from 2010-12-01 to 2011-12-09", run.GetProperty("error").GetString());
    }

    private async Task<JsonElement> IngestSampleAsync() =>
        await Host.WaitForBatchAsync(await Host.UploadFileAsync("sample.csv", RepositoryPaths.Sample), "accepted");

    private async Task<HttpResponseMessage> PostRunAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = new StringContent(body) };
        request.Headers.Add("x-functions-key", SegmentsHostFactory.AdminKey);
        return await Host.Http.SendAsync(request);
    }
}
