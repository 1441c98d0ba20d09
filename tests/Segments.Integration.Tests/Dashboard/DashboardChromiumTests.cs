using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Dashboard;

/// <summary>
/// <c>GET /api/dashboard</c> as a browser draws it: the host runs as a real process on a loopback port, headless
/// Chromium loads the page, and the rendered DOM is compared with what the JSON API says.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class DashboardChromiumTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AdminKey = "dashboard-admin-key";

    // Reads take a function key once the host has them; the page URL carries it as ?code= like any read.
    private const string FunctionKey = "dashboard-function-key";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private HostProcess _host = null!;
    private HttpClient _http = null!;

    private Uri DashboardUrl => new(_host.BaseAddress, "api/dashboard?code=" + FunctionKey);

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _host = await HostProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Segments__AdminKey"] = AdminKey,
                ["Segments__FunctionKey"] = FunctionKey,
                ["Segments__PollIntervalSeconds"] = "1",
                ["Segments__HostId"] = "segments-dashboard-test",
                ["Segments__Experiments__HashKey"] = "dashboard-experiment-key",
            },
            "api/runs",
            FunctionKey);
        _http = _host.CreateClient(FunctionKey);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Dashboard_shows_segment_sizes_reach_rf_grid_movement_and_run_costs_as_the_api_reports_them()
    {
        // Arrange: the sample export, scored as of mid-2011 and again as of its end, so customers move and join;
        // between the runs a customer export gives consent to some of the customers the first run scored.
        await IngestAsync("sample/online-retail-sample.csv", await File.ReadAllBytesAsync(RepositoryPaths.Sample));
        var first = await RunAsync("2011-06-30");
        await IngestAsync("crm/consent.csv", System.Text.Encoding.UTF8.GetBytes(await ConsentExportAsync()), StorageNames.CustomersContainer);
        var second = await RunAsync("2011-12-10");
        Assert.Equal("succeeded", first.GetProperty("status").GetString());
        Assert.Equal("succeeded", second.GetProperty("status").GetString());
        var segments = await _http.GetFromJsonAsync<JsonElement>("api/segments");
        var runs = (await _http.GetFromJsonAsync<JsonElement>("api/runs")).EnumerateArray().ToList();

        // Act
        var dom = await Chromium.DumpDomAsync(DashboardUrl);
        var screenshot = Path.Combine(RepositoryPaths.Root, "artifacts", "dashboard", "dashboard.png");
        await Chromium.ScreenshotAsync(DashboardUrl, screenshot, 1400, 2200);

        // Assert: every segment of every family with the size GET /api/segments gives it, and its reach by e-mail
        // and SMS as GET /api/segments gives it and as the consent-filtered listings count it.
        var bars = SegmentBars().Matches(dom).ToDictionary(
            m => WebUtility.HtmlDecode(m.Groups["id"].Value),
            m => (Customers: Number(m, "n"), Email: Number(m, "email"), Sms: Number(m, "sms")));
        var expected = new[] { "segments", "lifecycleStages", "ruleSegments", "clusterSegments" }
            .SelectMany(family => segments.GetProperty(family).EnumerateArray())
            .ToDictionary(
                s => s.GetProperty("id").GetString()!,
                s => (Customers: s.GetProperty("customers").GetInt32(), Email: s.GetProperty("reachableByEmail").GetInt32(), Sms: s.GetProperty("reachableBySms").GetInt32()));
        Assert.Equal(11, expected.Keys.Count(k => k.StartsWith("rfm:", StringComparison.Ordinal)));
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), bars.OrderBy(s => s.Key, StringComparer.Ordinal));
        Assert.Contains(">Champions</text>", dom, StringComparison.Ordinal);
        var rfm = bars.Where(b => b.Key.StartsWith("rfm:", StringComparison.Ordinal)).Select(b => b.Value).ToList();
        Assert.True(rfm.Sum(b => b.Email) > 0 && rfm.Sum(b => b.Sms) > 0 && rfm.Sum(b => b.Sms) < rfm.Sum(b => b.Email), $"reach {rfm.Sum(b => b.Email)} e-mail, {rfm.Sum(b => b.Sms)} SMS");
        foreach (var (id, bar) in bars.Where(b => b.Key.StartsWith("rfm:", StringComparison.Ordinal) || b.Key.StartsWith("lifecycle:", StringComparison.Ordinal)))
        {
            Assert.Equal((bar.Email, bar.Sms), (await ListedCountAsync(id, "email"), await ListedCountAsync(id, "sms")));
        }

        Assert.Contains("id=\"reach-note\"", dom, StringComparison.Ordinal);

        // The R x F grid: 25 cells holding every customer of the active run.
        var scored = second.GetProperty("customersScored").GetInt32();
        var cells = RfCells().Matches(dom).Select(m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(25, cells.Count);
        Assert.Equal(scored, cells.Sum());

        // Movement: everyone of the later run stayed, moved or is new; everyone of the earlier run stayed, moved or left.
        var (moved, stayed, joined, left) = (Stat(dom, "movement-moved"), Stat(dom, "movement-stayed"), Stat(dom, "movement-new"), Stat(dom, "movement-left"));
        Assert.True(moved > 0 && joined > 0, $"moved {moved}, new {joined}");
        Assert.Equal(scored, stayed + moved + joined);
        Assert.Equal(first.GetProperty("customersScored").GetInt32(), stayed + moved + left);
        Assert.Equal(scored + left, MatrixCells().Matches(dom).Sum(m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)));
        Assert.DoesNotContain("movement-unavailable", dom, StringComparison.Ordinal);

        // Every run with its cost as GET /api/runs reports it; links keep the key.
        Assert.Equal(2, runs.Count);
        foreach (var run in runs)
        {
            var total = run.GetProperty("costUsd").GetProperty("total").GetDecimal();
            Assert.True(total > 0, "a run costs something");
            var cost = Assert.Single(CostOf(run.GetProperty("runId").GetString()!).Matches(dom));
            Assert.Equal(total, decimal.Parse(cost.Groups["usd"].Value, CultureInfo.InvariantCulture));
            Assert.StartsWith("$0.", cost.Groups["text"].Value, StringComparison.Ordinal);
        }

        Assert.Contains($"href=\"/api/segments?code={FunctionKey}\"", dom, StringComparison.Ordinal);

        // A real picture of the page, of the requested size.
        var png = await File.ReadAllBytesAsync(screenshot);
        Assert.True(png.Length > 10 * 1024, $"the screenshot has only {png.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal((1400, 2200), (BigEndian(png, 16), BigEndian(png, 20)));
    }

    [Fact]
    public async Task Dashboard_with_one_run_says_movement_and_uplift_need_two_runs()
    {
        // Arrange
        await WriteExperimentsAsync("""{"experiments": [{"name": "champions-vip", "segment": "rfm:Champions", "controlShare": 0.5}]}""");
        await IngestAsync("shop/five.csv", System.Text.Encoding.UTF8.GetBytes(ShopExports.FiveCustomers));
        await RunAsync("2024-03-31");

        // Act
        var dom = await Chromium.DumpDomAsync(DashboardUrl);

        // Assert
        Assert.Contains("id=\"movement-unavailable\">Movement needs two runs: only one has succeeded so far.</p>", dom, StringComparison.Ordinal);
        Assert.Equal(5, RfCells().Matches(dom).Sum(m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)));
        Assert.Contains("<div class=\"experiment\" data-experiment=\"champions-vip\"><h3>champions-vip · rfm:Champions</h3><p class=\"empty uplift-unavailable\">Uplift needs two runs: only one has succeeded so far.</p></div>", dom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_before_any_run_says_there_is_no_run_yet()
    {
        // Act
        var dom = await Chromium.DumpDomAsync(DashboardUrl);

        // Assert
        Assert.Contains("<h2>No run yet</h2>", dom, StringComparison.Ordinal);
        Assert.Contains("Movement needs two runs: no run has succeeded yet.", dom, StringComparison.Ordinal);
        Assert.Empty(RfCells().Matches(dom));
    }

    [Fact]
    public async Task Dashboard_shows_each_experiments_uplift_as_the_experiment_results_api_gives_it()
    {
        // Arrange: two experiments (one holds nobody out), the sample scored as of September and again as of its end.
        await WriteExperimentsAsync(
            """
            {"experiments": [
              {"name": "active-upsell", "segment": "lifecycle:Active", "controlShare": 0.5},
              {"name": "no-holdout", "segment": "rfm:Champions", "controlShare": 0}
            ]}
            """);
        await IngestAsync("sample/online-retail-sample.csv", await File.ReadAllBytesAsync(RepositoryPaths.Sample));
        var earlier = await RunAsync("2011-09-30");
        var later = await RunAsync("2011-12-10");
        Assert.Equal(("succeeded", "succeeded"), (earlier.GetProperty("status").GetString(), later.GetProperty("status").GetString()));
        var api = (await _http.GetFromJsonAsync<JsonElement>("api/experiments/active-upsell/results")).GetProperty("results");
        using var refused = await _http.GetAsync("api/experiments/no-holdout/results");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusal = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("message").GetString();

        // Act
        var dom = await Chromium.DumpDomAsync(DashboardUrl);

        // Assert: the group sizes, every difference with its interval and p-value, and the incremental revenue, as the API gives them.
        var section = Assert.Single(ExperimentBlocks().Matches(dom), m => m.Groups["name"].Value == "active-upsell").Value;
        Assert.Contains($"class=\"uplift-control\" data-customers=\"{api.GetProperty("controlCustomers").GetInt32()}\"", section, StringComparison.Ordinal);
        Assert.Contains($"class=\"uplift-treatment\" data-customers=\"{api.GetProperty("treatmentCustomers").GetInt32()}\"", section, StringComparison.Ordinal);
        Assert.True(api.GetProperty("controlCustomers").GetInt32() > 0 && api.GetProperty("treatmentCustomers").GetInt32() > 0);
        var incremental = Regex.Match(section, "class=\"uplift-incremental\" data-value=\"(?<v>[^\"]+)\"");
        Assert.True(incremental.Success, "no incremental revenue on the page");
        Assert.Equal(api.GetProperty("incrementalRevenue").GetDouble(), double.Parse(incremental.Groups["v"].Value, CultureInfo.InvariantCulture));

        var rows = MetricRows().Matches(section).ToDictionary(m => m.Groups["metric"].Value);
        Assert.Equal(["conversion", "orders", "revenue"], rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (metric, field) in new[] { ("conversion", "conversion"), ("revenue", "revenuePerCustomer"), ("orders", "ordersPerCustomer") })
        {
            var expected = api.GetProperty(field);
            var shown = rows[metric];
            foreach (var (attribute, property) in new[] { ("control", "control"), ("treatment", "treatment"), ("difference", "value"), ("low", "low"), ("high", "high"), ("p", "pValue") })
            {
                Assert.Equal(expected.GetProperty(property).GetDouble(), double.Parse(shown.Groups[attribute].Value, CultureInfo.InvariantCulture));
            }

            var p = expected.GetProperty("pValue").GetDouble();
            Assert.Equal(p < 0.0001 ? "&lt; 0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture), shown.Groups["pText"].Value);
        }

        var conversion = api.GetProperty("conversion");
        Assert.Contains(
            string.Create(CultureInfo.InvariantCulture, $"<td class=\"num\">{conversion.GetProperty("control").GetDouble() * 100:0.0}%</td><td class=\"num\">{conversion.GetProperty("treatment").GetDouble() * 100:0.0}%</td>"),
            rows["conversion"].Value,
            StringComparison.Ordinal);

        // The experiment without a control group: the API's reason, in plain words, instead of numbers.
        var noHoldout = Assert.Single(ExperimentBlocks().Matches(dom), m => m.Groups["name"].Value == "no-holdout").Value;
        var reason = Regex.Match(noHoldout, "<p class=\"empty uplift-unavailable\">(?<text>[^<]*)</p>");
        Assert.Equal(refusal, WebUtility.HtmlDecode(reason.Groups["text"].Value));
        Assert.Contains("uplift needs both groups", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", dom, StringComparison.Ordinal);
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    /// <summary>
    /// A customer export for the customers the active run scored in its RFM segments (up to 50 of each): every
    /// second one consents to e-mail, every third to SMS.
    /// </summary>
    private async Task<string> ConsentExportAsync()
    {
        var segments = await _http.GetFromJsonAsync<JsonElement>("api/segments");
        var ids = new List<string>();
        foreach (var segment in segments.GetProperty("segments").EnumerateArray().Where(s => s.GetProperty("customers").GetInt32() > 0))
        {
            var page = await _http.GetFromJsonAsync<JsonElement>($"api/segments/{Uri.EscapeDataString(segment.GetProperty("id").GetString()!)}/customers?pageSize=50");
            ids.AddRange(page.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("customerId").GetString()!));
        }

        var lines = ids.Select((id, i) => $"{id},{(i % 2 == 0 ? "yes" : "no")},{(i % 3 == 0 ? "yes" : "no")}");
        return "customer_id,consent_email,consent_sms\n" + string.Join("\n", lines) + "\n";
    }

    /// <summary>Customers of the active run's segment who consented to <paramref name="channel"/>, counted through the filtered listing.</summary>
    private async Task<int> ListedCountAsync(string segment, string channel)
    {
        var count = 0;
        string? token = null;
        do
        {
            var page = await _http.GetFromJsonAsync<JsonElement>($"api/segments/{Uri.EscapeDataString(segment)}/customers?pageSize=1000&consent={channel}"
                + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token)));
            count += page.GetProperty("customers").GetArrayLength();
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);
        return count;
    }

    private static int Stat(string dom, string id)
    {
        var match = Regex.Match(dom, $"id=\"{id}\" data-customers=\"(\\d+)\"");
        Assert.True(match.Success, $"{id} is not on the page");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static Regex CostOf(string runId) =>
        new($"data-run=\"{Regex.Escape(runId)}\">.*?data-cost-usd=\"(?<usd>[0-9.]+)\">(?<text>[^<]+)</td>", RegexOptions.None, TimeSpan.FromSeconds(5));

    private static int BigEndian(byte[] bytes, int offset) => (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];

    private async Task WriteExperimentsAsync(string json)
    {
        var storage = StorageAccount.Connect(azurite.ConnectionString);
        await storage.EnsureReadyAsync(CancellationToken.None);
        await new ConfigStore(storage).WriteTextAsync("experiments.json", json, CancellationToken.None);
    }

    private async Task IngestAsync(string blobName, byte[] content, string container = StorageNames.TransactionsContainer)
    {
        var storage = StorageAccount.Connect(azurite.ConnectionString);
        using var stream = new MemoryStream(content);
        var blob = await new DropZone(storage, container).UploadAsync(blobName, stream, CancellationToken.None);
        await PollAsync(async () =>
        {
            var batches = await _http.GetFromJsonAsync<JsonElement>("api/batches");
            return batches.EnumerateArray().Any(b => b.GetProperty("blobName").GetString() == blob.Name && b.GetProperty("status").GetString() == "accepted")
                ? batches
                : (JsonElement?)null;
        }, $"batch {blob.Name}");
    }

    private async Task<JsonElement> RunAsync(string asOf)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/runs") { Content = JsonContent.Create(new { asOf }) };
        request.Headers.Add("x-functions-key", AdminKey);
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString().TrimStart('/');
        return await PollAsync(async () =>
        {
            var run = await _http.GetFromJsonAsync<JsonElement>(location);
            return run.GetProperty("status").GetString() is "succeeded" or "failed" && run.GetProperty("costUsd").ValueKind != JsonValueKind.Null
                ? run
                : (JsonElement?)null;
        }, $"run as of {asOf}");
    }

    private async Task<JsonElement> PollAsync(Func<Task<JsonElement?>> probe, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Gave up waiting for {what} after {Patience.TotalSeconds} s. Host output:\n{_host.Output}");
    }

    [GeneratedRegex("<g class=\"segment\" data-segment=\"(?<id>[^\"]*)\" data-customers=\"(?<n>\\d+)\" data-email=\"(?<email>\\d+)\" data-sms=\"(?<sms>\\d+)\">")]
    private static partial Regex SegmentBars();

    [GeneratedRegex("<g class=\"cell\" data-r=\"\\d\" data-f=\"\\d\" data-customers=\"(?<n>\\d+)\">")]
    private static partial Regex RfCells();

    [GeneratedRegex("<div class=\"experiment\" data-experiment=\"(?<name>[^\"]*)\">.*?</div>")]
    private static partial Regex ExperimentBlocks();

    [GeneratedRegex("<tr class=\"metric\" data-metric=\"(?<metric>\\w+)\" data-control=\"(?<control>[^\"]+)\" data-treatment=\"(?<treatment>[^\"]+)\" data-difference=\"(?<difference>[^\"]+)\" data-low=\"(?<low>[^\"]+)\" data-high=\"(?<high>[^\"]+)\" data-p=\"(?<p>[^\"]+)\">.*?<td class=\"num\">(?<pText>[^<]*)</td></tr>")]
    private static partial Regex MetricRows();

    [GeneratedRegex("<g class=\"move\" data-from=\"[^\"]*\" data-to=\"[^\"]*\" data-customers=\"(?<n>\\d+)\">")]
    private static partial Regex MatrixCells();
}
