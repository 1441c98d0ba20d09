using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Api;

/// <summary><c>GET /api/runs?format=csv</c>.</summary>
public sealed class RunCsvTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    [Fact]
    public async Task Runs_as_csv_give_one_line_per_run_with_durations_customers_and_cost()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));
        var run = await Host.RunAsync("2024-03-31");

        using var response = await Host.Http.GetAsync("/api/runs?format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(["runId", "asOf", "status"], header[..3]);
        var cells = Assert.Single(lines[1..]).Split(',');
        string Cell(string name) => cells[Array.IndexOf(header, name)];
        Assert.Equal((run.GetProperty("runId").GetString(), "2024-03-31", "succeeded", "5"), (Cell("runId"), Cell("asOf"), Cell("status"), Cell("customersScored")));
        Assert.Equal(run.GetProperty("costUsd").GetProperty("total").GetDecimal(), decimal.Parse(Cell("costUsd"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(long.Parse(Cell("durationMs"), System.Globalization.CultureInfo.InvariantCulture) >= 0);
    }

    [Fact]
    public async Task Unknown_format_is_400()
    {
        using var response = await Host.Http.GetAsync("/api/runs?format=xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidFormat", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }
}
