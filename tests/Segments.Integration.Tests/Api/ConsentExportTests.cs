using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Segments.Core.Experiments;
using Segments.Integration.Tests.Fixtures;
using Segments.Integration.Tests.Insights;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Api;

/// <summary>
/// Consent and A/B groups in segment listings, CSV exports and the changes feed (issue 8 points 4 and 5), and the
/// reachable counts each run keeps per segment, on a real Azurite.
/// </summary>
public sealed class ConsentExportTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    private const string Rules = """{"segments":[{"name":"Everyone","description":"","query":"orders >= 1"}]}""";

    // A and C are Potential Loyalists as of 2024-03-31, D is Lost then and not after its order of 2024-04-05.
    private const string Experiments =
        """
        {"experiments": [
          {"name": "loyalist-upsell", "segment": "rfm:Potential Loyalist", "controlShare": 0.5},
          {"name": "winback", "segment": "rfm:Lost", "controlShare": 0.5}
        ]}
        """;

    // E-mail: A, D, E. SMS: C, E. B has no profile; C said no to e-mail; A's SMS is an explicit no.
    private const string Profiles =
        """
        customer_id,consent_email,consent_email_at,consent_sms,consent_sms_at,updated_at
        A,yes,2024-01-02T03:04:05Z,no,,2024-03-01T00:00:00Z
        C,no,,yes,2024-02-02T00:00:00Z,2024-03-01T00:00:00Z
        D,yes,,,,2024-03-01T00:00:00Z
        E,yes,,yes,,2024-03-01T00:00:00Z

        """;

    private static readonly ControlGroupAssigner Assigner = new(SegmentsHostFactory.ExperimentHashKey);

    [Fact]
    public async Task Every_listed_customer_carries_consent_and_the_lookup_says_it_explicitly()
    {
        await SetUpAsync();

        var page = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/rule:Everyone/customers");
        var lookupB = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/B");

        var consent = page.GetProperty("customers").EnumerateArray().ToDictionary(c => c.GetProperty("customerId").GetString()!, c => c.GetProperty("consent"));
        Assert.Equal(["A", "B", "C", "D", "E"], consent.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((true, false), (consent["A"].GetProperty("email").GetBoolean(), consent["A"].GetProperty("sms").GetBoolean()));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), consent["A"].GetProperty("emailAt").GetDateTimeOffset());
        Assert.Equal((false, true), (consent["C"].GetProperty("email").GetBoolean(), consent["C"].GetProperty("sms").GetBoolean()));
        Assert.Equal((false, false), (lookupB.GetProperty("consent").GetProperty("email").GetBoolean(), lookupB.GetProperty("consent").GetProperty("sms").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, lookupB.GetProperty("consent").GetProperty("emailAt").ValueKind);
    }

    [Theory]
    [InlineData("email", new[] { "A", "D", "E" })]
    [InlineData("sms", new[] { "C", "E" })]
    [InlineData("SMS", new[] { "C", "E" })]
    public async Task Consent_filter_pages_through_only_the_customers_who_consented_on_that_channel(string channel, string[] expected)
    {
        await SetUpAsync();

        var pages = await AllPagesAsync("rule:Everyone", 1, channel);

        Assert.Equal(expected, pages.SelectMany(p => p.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("customerId").GetString())).Order(StringComparer.Ordinal));
        Assert.All(pages, p => Assert.Equal(channel.ToLowerInvariant(), p.GetProperty("consent").GetString()));
    }

    [Fact]
    public async Task A_token_used_with_another_consent_filter_is_400()
    {
        await SetUpAsync();
        var first = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/rule:Everyone/customers?pageSize=1&consent=email");
        var token = Uri.EscapeDataString(first.GetProperty("continuationToken").GetString()!);

        using var sms = await Host.Http.GetAsync($"/api/segments/rule:Everyone/customers?pageSize=1&consent=sms&continuationToken={token}");
        using var unfiltered = await Host.Http.GetAsync($"/api/segments/rule:Everyone/customers?pageSize=1&continuationToken={token}");
        using var same = await Host.Http.GetAsync($"/api/segments/rule:Everyone/customers?pageSize=1&consent=email&continuationToken={token}");

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidContinuationToken"), (sms.StatusCode, await ErrorCodeAsync(sms)));
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidContinuationToken"), (unfiltered.StatusCode, await ErrorCodeAsync(unfiltered)));
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
    }

    [Theory]
    [InlineData("/api/segments/rule:Everyone/customers?consent=phone")]
    [InlineData("/api/segments/rfm:Lost/changes?consent=e-mail")]
    public async Task An_unknown_consent_channel_is_400_naming_the_allowed_ones(string url)
    {
        await SetUpAsync();

        using var response = await Host.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("InvalidConsentChannel", error.GetProperty("code").GetString());
        Assert.Contains("email, sms", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_of_a_segment_with_an_experiment_give_each_customer_its_group_in_it()
    {
        await SetUpAsync();

        var loyalists = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/rfm:Potential Loyalist/customers");
        var everyone = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/rule:Everyone/customers");

        Assert.Equal("loyalist-upsell", loyalists.GetProperty("experiment").GetString());
        var groups = loyalists.GetProperty("customers").EnumerateArray().ToDictionary(c => c.GetProperty("customerId").GetString()!, c => c.GetProperty("group").GetString());
        Assert.Equal(
            new Dictionary<string, string?> { ["A"] = Assigner.GroupOf("loyalist-upsell", 0.5, "A"), ["C"] = Assigner.GroupOf("loyalist-upsell", 0.5, "C") },
            groups);
        Assert.Equal(JsonValueKind.Null, everyone.GetProperty("experiment").ValueKind);
        Assert.All(everyone.GetProperty("customers").EnumerateArray(), c => Assert.False(c.TryGetProperty("group", out _)));
    }

    [Fact]
    public async Task Csv_export_has_group_and_consent_columns_and_honours_the_consent_filter()
    {
        await SetUpAsync();

        var all = await CsvAsync("rfm:Potential Loyalist");
        var emailable = await CsvAsync("rfm:Potential Loyalist?consent=email");
        var everyone = await CsvAsync("rule:Everyone");

        Assert.EndsWith(",ruleSegments,group,consentEmail,consentEmailAt,consentSms,consentSmsAt", all[0], StringComparison.Ordinal);
        var a = Row(all, "A");
        Assert.Equal(Assigner.GroupOf("loyalist-upsell", 0.5, "A"), a["group"]);
        Assert.Equal(("true", "2024-01-02T03:04:05Z", "false", ""), (a["consentEmail"], a["consentEmailAt"], a["consentSms"], a["consentSmsAt"]));
        var c = Row(all, "C");
        Assert.Equal(("false", "true", "2024-02-02T00:00:00Z"), (c["consentEmail"], c["consentSms"], c["consentSmsAt"]));
        Assert.Equal(["A"], emailable.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal(6, everyone.Length);
        Assert.All(everyone.Skip(1), line => Assert.Equal(string.Empty, Cells(everyone[0], line)["group"]));
        Assert.Equal(("false", "false"), (Row(everyone, "B")["consentEmail"], Row(everyone, "B")["consentSms"]));
    }

    [Fact]
    public async Task Changes_keep_the_group_of_the_run_the_customer_was_in_the_segment_and_filter_by_consent()
    {
        var march = (await SetUpAsync()).GetProperty("runId").GetString();
        var april = (await Host.RunAsync("2024-04-10")).GetProperty("runId").GetString();
        var group = Assigner.GroupOf("winback", 0.5, "D");

        var left = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/rfm:Lost/changes");
        var entered = await Host.Http.GetFromJsonAsync<JsonElement>($"/api/segments/rfm:Lost/changes?fromRun={april}&toRun={march}");
        var leftBySms = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/rfm:Lost/changes?consent=sms");
        var leftByEmail = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/rfm:Lost/changes?consent=email");

        // D left Lost (group as of March, when it was in it) and, read backwards, entered it (group as of the toRun, March).
        var d = left.GetProperty("left").EnumerateArray().Single(m => m.GetProperty("customerId").GetString() == "D");
        Assert.Equal(group, d.GetProperty("group").GetString());
        Assert.True(d.GetProperty("consent").GetProperty("email").GetBoolean());
        var back = entered.GetProperty("entered").EnumerateArray().Single(m => m.GetProperty("customerId").GetString() == "D");
        Assert.Equal(group, back.GetProperty("group").GetString());
        Assert.DoesNotContain(leftBySms.GetProperty("left").EnumerateArray(), m => m.GetProperty("customerId").GetString() == "D");
        Assert.Equal("sms", leftBySms.GetProperty("consent").GetString());
        Assert.Contains(leftByEmail.GetProperty("left").EnumerateArray(), m => m.GetProperty("customerId").GetString() == "D");
    }

    [Fact]
    public async Task Segment_list_gives_the_reach_the_run_counted_and_it_matches_the_filtered_listings()
    {
        await SetUpAsync();

        var list = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments");

        var everyone = Assert.Single(list.GetProperty("ruleSegments").EnumerateArray());
        Assert.Equal((5, 3, 2), (everyone.GetProperty("customers").GetInt32(), everyone.GetProperty("reachableByEmail").GetInt32(), everyone.GetProperty("reachableBySms").GetInt32()));
        var families = new[] { "segments", "lifecycleStages", "clusterSegments", "ruleSegments" };
        foreach (var segment in families.SelectMany(f => list.GetProperty(f).EnumerateArray()))
        {
            var id = segment.GetProperty("id").GetString()!;
            Assert.Equal(await CountAsync(id, "email"), segment.GetProperty("reachableByEmail").GetInt32());
            Assert.Equal(await CountAsync(id, "sms"), segment.GetProperty("reachableBySms").GetInt32());
        }
    }

    private async Task<JsonElement> SetUpAsync()
    {
        await Host.Storage.EnsureReadyAsync(CancellationToken.None);
        var config = new ConfigStore(Host.Storage);
        await config.WriteTextAsync("segments.json", Rules, CancellationToken.None);
        await config.WriteTextAsync("experiments.json", Experiments, CancellationToken.None);
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ProductExports.FiveCustomers));
        await Host.WaitForBatchAsync(await Host.UploadProfilesAsync("crm.csv", Profiles), "accepted");
        var run = await Host.RunAsync(ProductExports.AsOf);
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        return run;
    }

    private async Task<int> CountAsync(string segment, string channel) =>
        (await AllPagesAsync(segment, 1000, channel)).Sum(p => p.GetProperty("customers").GetArrayLength());

    private async Task<List<JsonElement>> AllPagesAsync(string segment, int pageSize, string channel)
    {
        var pages = new List<JsonElement>();
        string? token = null;
        do
        {
            var url = $"/api/segments/{Uri.EscapeDataString(segment)}/customers?pageSize={pageSize}&consent={channel}" + (token is null ? string.Empty : $"&continuationToken={Uri.EscapeDataString(token)}");
            var page = await Host.Http.GetFromJsonAsync<JsonElement>(url);
            pages.Add(page);
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);
        return pages;
    }

    private async Task<string[]> CsvAsync(string segmentAndQuery)
    {
        var parts = segmentAndQuery.Split('?', 2);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/segments/{Uri.EscapeDataString(parts[0])}/customers" + (parts.Length > 1 ? "?" + parts[1] : string.Empty));
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await Host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    // The five customers' cells hold no commas or quotes (rule segments: one name), so a plain split reads them.
    private static Dictionary<string, string> Cells(string header, string line) =>
        header.Split(',').Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

    private static Dictionary<string, string> Row(string[] csv, string customerId) =>
        Cells(csv[0], csv.Single(l => l.StartsWith(customerId + ",", StringComparison.Ordinal)));

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString();
}
