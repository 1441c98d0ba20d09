using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Api;

/// <summary>Segment definitions, paged listings, CSV exports and their bad input.</summary>
public sealed class SegmentExportTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    private const string Rules = """{"segments":[{"name":"Everyone","description":"all scored","query":"orders >= 1"}]}""";

    [Fact]
    public async Task Segment_list_gives_ids_and_definitions_of_every_family()
    {
        await RunAsync("2024-03-31");

        var list = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments");

        var lost = list.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Lost");
        Assert.Equal("rfm:Lost", lost.GetProperty("id").GetString());
        Assert.Contains("111 112 121 131 141 151", lost.GetProperty("definition").GetString(), StringComparison.Ordinal);
        var atRisk = list.GetProperty("lifecycleStages").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "At Risk");
        Assert.Equal("lifecycle:At Risk", atRisk.GetProperty("id").GetString());
        // Five customers are too few for the store's own percentiles: the 30/90 fallback applies.
        Assert.Contains("more than 30, at most 90", atRisk.GetProperty("definition").GetString(), StringComparison.Ordinal);
        var cluster = list.GetProperty("clusterSegments").EnumerateArray().First();
        Assert.StartsWith("cluster:", cluster.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Contains("days since the last order", cluster.GetProperty("definition").GetString(), StringComparison.Ordinal);
        var rule = Assert.Single(list.GetProperty("ruleSegments").EnumerateArray());
        Assert.Equal(("rule:Everyone", 5), (rule.GetProperty("id").GetString(), rule.GetProperty("customers").GetInt32()));
        Assert.Equal("orders >= 1 (all scored)", rule.GetProperty("definition").GetString());
    }

    [Fact]
    public async Task Pages_cover_the_segment_once_in_a_stable_order()
    {
        await RunAsync("2024-03-31");

        var pages = await AllPagesAsync("rule:Everyone", 2);

        Assert.Equal([2, 2, 1], pages.Select(p => p.GetProperty("customers").GetArrayLength()));
        var ids = pages.SelectMany(p => p.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("customerId").GetString())).ToList();
        Assert.Equal(["A", "B", "C", "D", "E"], ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids, (await AllPagesAsync("Everyone", 2)).SelectMany(p => p.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("customerId").GetString())));
    }

    [Fact]
    public async Task A_token_keeps_paging_in_its_run_after_a_newer_run_flips()
    {
        var march = (await RunAsync("2024-03-31")).GetProperty("runId").GetString();
        var first = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/rule:Everyone/customers?pageSize=2");
        var april = (await Host.RunAsync("2024-04-10")).GetProperty("runId").GetString();

        var second = await Host.Http.GetFromJsonAsync<JsonElement>($"/api/segments/rule:Everyone/customers?pageSize=2&continuationToken={first.GetProperty("continuationToken").GetString()}");
        var fresh = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/rule:Everyone/customers?pageSize=2");

        Assert.Equal(march, second.GetProperty("runId").GetString());
        Assert.All(second.GetProperty("customers").EnumerateArray(), c => Assert.Equal(march, c.GetProperty("runId").GetString()));
        Assert.Equal(april, fresh.GetProperty("runId").GetString());
    }

    [Fact]
    public async Task A_token_whose_generation_is_gone_is_410()
    {
        await RunAsync("2024-03-31");
        var first = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/rule:Everyone/customers?pageSize=2");
        foreach (var asOf in new[] { "2024-04-01", "2024-04-02", "2024-04-03" })
        {
            await Host.RunAsync(asOf);
        }

        using var response = await Host.Http.GetAsync($"/api/segments/rule:Everyone/customers?pageSize=2&continuationToken={first.GetProperty("continuationToken").GetString()}");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("GenerationGone", await ErrorCodeAsync(response));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-5")]
    [InlineData("ten")]
    public async Task Page_size_out_of_range_is_400(string pageSize)
    {
        await RunAsync("2024-03-31");

        using var response = await Host.Http.GetAsync($"/api/segments/rule:Everyone/customers?pageSize={pageSize}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidPageSize", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Malformed_tampered_and_foreign_tokens_are_400()
    {
        await RunAsync("2024-03-31");
        var first = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/rule:Everyone/customers?pageSize=2");
        var token = first.GetProperty("continuationToken").GetString()!;
        var tampered = (token[0] == 'A' ? 'B' : 'A') + token[1..];

        foreach (var bad in new[] { "not-a-token", "%%%", tampered, token + "x", Convert.ToBase64String("{\"R\":\"x\"}"u8.ToArray()) + ".AAAA" })
        {
            using var response = await Host.Http.GetAsync($"/api/segments/rule:Everyone/customers?continuationToken={Uri.EscapeDataString(bad)}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("InvalidContinuationToken", await ErrorCodeAsync(response));
        }

        using var foreign = await Host.Http.GetAsync($"/api/segments/rfm:Lost/customers?pageSize=2&continuationToken={Uri.EscapeDataString(token)}");
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal("InvalidContinuationToken", await ErrorCodeAsync(foreign));
    }

    [Fact]
    public async Task Unknown_segment_is_404_and_an_ambiguous_bare_name_is_400_listing_the_ids()
    {
        await RunAsync("2024-03-31");

        using var unknown = await Host.Http.GetAsync("/api/segments/Nonexistent/customers");
        using var ambiguous = await Host.Http.GetAsync("/api/segments/Lost/customers");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("SegmentNotFound", await ErrorCodeAsync(unknown));
        Assert.Equal(HttpStatusCode.BadRequest, ambiguous.StatusCode);
        var message = (await ambiguous.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("message").GetString();
        Assert.Contains("rfm:Lost", message, StringComparison.Ordinal);
        Assert.Contains("lifecycle:Lost", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_export_streams_the_whole_segment_and_neutralises_formulas()
    {
        const string Export = """
            customer_id,order_id,order_date,amount,country
            =HYPERLINK(1),o1,2024-03-30,100,@Norway
            B,o2,2024-03-01,500,France

            """;
        await Host.Storage.EnsureReadyAsync(CancellationToken.None);
        await new ConfigStore(Host.Storage).WriteTextAsync("segments.json", Rules, CancellationToken.None);
        await Host.WaitForBatchAsync(await Host.UploadAsync("formula.csv", Export));
        await Host.RunAsync("2024-03-31");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/segments/rule:Everyone/customers?pageSize=1");
        request.Headers.Accept.ParseAdd("text/csv");

        using var response = await Host.Http.SendAsync(request);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("customerId,runId,asOf,rfmCode,rfmSegment", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        var formula = Assert.Single(lines, l => l.Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.StartsWith("'=HYPERLINK(1),", formula, StringComparison.Ordinal);
        Assert.Contains(",'@Norway,", formula, StringComparison.Ordinal);
    }

    private async Task<JsonElement> RunAsync(string asOf)
    {
        await Host.Storage.EnsureReadyAsync(CancellationToken.None);
        await new ConfigStore(Host.Storage).WriteTextAsync("segments.json", Rules, CancellationToken.None);
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ShopExports.FiveCustomers));
        return await Host.RunAsync(asOf);
    }

    private async Task<List<JsonElement>> AllPagesAsync(string segment, int pageSize)
    {
        var pages = new List<JsonElement>();
        string? token = null;
        do
        {
            var url = $"/api/segments/{Uri.EscapeDataString(segment)}/customers?pageSize={pageSize}" + (token is null ? string.Empty : $"&continuationToken={Uri.EscapeDataString(token)}");
            var page = await Host.Http.GetFromJsonAsync<JsonElement>(url);
            if (page.GetProperty("customers").GetArrayLength() > 0)
            {
                pages.Add(page);
            }

            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);
        return pages;
    }

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString();
}
