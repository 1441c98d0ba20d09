using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Profiles;

/// <summary>Customer exports dropped into <c>customers</c>, ingested by the local blob trigger and joined by runs, on a real Azurite.</summary>
public sealed class ProfileIngestTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    private const string Header = "customer_id,email,signup_date,birth_year,gender,city,country,acquisition_channel,consent_email,consent_email_at,consent_sms,tags,updated_at";

    // A is in Seoul and consented to e-mail; C has a profile too; Z has a profile but no order.
    private const string Profiles =
        Header + "\n"
        + "A,,2023-11-02,1995,F,Seoul,KR,paid_social,yes,2023-11-02T10:00:00Z,no,\"wholesale, vip\",2024-03-01T00:00:00Z\n"
        + "C,,2021-05-05,1970,m,Madrid,ES,organic,no,,,,2024-03-01T00:00:00Z\n"
        + "Z,,2024-03-15,,,Oslo,NO,,yes,,,,2024-03-15T00:00:00Z\n";

    private const string Definitions =
        """
        {"segments": [
          {"name": "Seoul e-mailable", "description": "", "query": "city = 'Seoul' AND consent_email = true AND age_band = '25-34'"},
          {"name": "Wholesale", "description": "", "query": "tags CONTAINS 'wholesale'"},
          {"name": "Recent signups", "description": "", "query": "signup_date > -365d"}
        ]}
        """;

    [Fact]
    public async Task Lookup_carries_the_profile_and_rule_segments_over_profile_fields_match()
    {
        // Arrange
        await Host.Storage.EnsureReadyAsync(CancellationToken.None);
        await new ConfigStore(Host.Storage).WriteTextAsync("segments.json", Definitions, CancellationToken.None);
        await Host.WaitForBatchAsync(await Host.UploadAsync("orders.csv", ShopExports.FiveCustomers));
        var profileBatch = await Host.WaitForBatchAsync(await Host.UploadProfilesAsync("crm.csv", Profiles));

        // Act
        var run = await Host.RunAsync("2024-03-31");
        var a = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/A");
        var b = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/B");

        // Assert: the customer export is its own kind of batch, read by generic-customers.
        Assert.Equal(("profiles", "accepted", "generic-customers"), (profileBatch.GetProperty("kind").GetString(), profileBatch.GetProperty("status").GetString(), profileBatch.GetProperty("profile").GetString()));
        Assert.Equal(3, profileBatch.GetProperty("profiles").GetProperty("customers").GetInt32());

        // A: born 1995, 29 during 2024; signed up 2023-11-02, within a year of the run.
        var profile = a.GetProperty("profile");
        Assert.Equal(("Seoul", "KR", "female", "25-34"), (profile.GetProperty("city").GetString(), profile.GetProperty("country").GetString(), profile.GetProperty("gender").GetString(), profile.GetProperty("ageBand").GetString()));
        Assert.True(profile.GetProperty("consentEmail").GetBoolean());
        Assert.False(profile.GetProperty("consentSms").GetBoolean());
        Assert.Equal(new DateTimeOffset(2023, 11, 2, 10, 0, 0, TimeSpan.Zero), profile.GetProperty("consentEmailAt").GetDateTimeOffset());
        Assert.Equal(("2023-11-02", 1995, "paid_social"), (profile.GetProperty("signupDate").GetString(), profile.GetProperty("birthYear").GetInt32(), profile.GetProperty("acquisitionChannel").GetString()));
        Assert.Equal(["wholesale", "vip"], profile.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["Seoul e-mailable", "Wholesale", "Recent signups"], a.GetProperty("ruleSegments").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(JsonValueKind.Null, b.GetProperty("profile").ValueKind);

        // Z has a profile and no order: kept and counted, not scored.
        var profiles = run.GetProperty("profiles");
        Assert.Equal((1, 3L, 3, 2, 1, 0), (
            profiles.GetProperty("batchesRead").GetInt32(),
            profiles.GetProperty("recordsRead").GetInt64(),
            profiles.GetProperty("customers").GetInt32(),
            profiles.GetProperty("withOrders").GetInt32(),
            profiles.GetProperty("withoutOrders").GetInt32(),
            profiles.GetProperty("conflictingCustomers").GetInt32()));
        var notFound = await Host.Http.GetAsync("/api/customers/Z");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, notFound.StatusCode);
    }

    [Fact]
    public async Task Newest_record_wins_by_its_update_time_and_the_conflict_is_reported()
    {
        // Arrange: the later upload carries an older record of A.
        await Host.WaitForBatchAsync(await Host.UploadAsync("orders.csv", ShopExports.FiveCustomers));
        await Host.WaitForBatchAsync(await Host.UploadProfilesAsync("day1.csv", "customer_id,city,updated_at\nA,Leeds,2024-03-10T00:00:00Z\n"));
        await Host.WaitForBatchAsync(await Host.UploadProfilesAsync("day2.csv", "customer_id,city,updated_at\nA,York,2024-02-01T00:00:00Z\n"));

        // Act
        var run = await Host.RunAsync("2024-03-31");
        var a = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/A");

        // Assert
        Assert.Equal("Leeds", a.GetProperty("profile").GetProperty("city").GetString());
        var profiles = run.GetProperty("profiles");
        Assert.Equal((2, 1), (profiles.GetProperty("batchesRead").GetInt32(), profiles.GetProperty("conflictingCustomers").GetInt32()));
        Assert.Equal(
            "A: kept the record of 2024-03-10T00:00:00Z over the one of 2024-02-01T00:00:00Z; they differ in city",
            Assert.Single(profiles.GetProperty("conflictExamples").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task An_invalid_consent_value_is_a_row_error_in_the_report_and_never_consent()
    {
        // Arrange: 1 bad row of 25 is 4%, under the 5% threshold, so the rest counts.
        var rows = Enumerable.Range(1, 25).Select(i => i == 2 ? "C,maybe" : $"P{i},yes");
        var blob = await Host.UploadProfilesAsync("consent.csv", "customer_id,consent_email\n" + string.Join("\n", rows) + "\n");

        // Act
        var batch = await Host.WaitForBatchAsync(blob);

        // Assert: the report sits under customers/ in the rejected container.
        Assert.Equal(("accepted", 25L, 24L, 1L), (batch.GetProperty("status").GetString(), batch.GetProperty("rowsRead").GetInt64(), batch.GetProperty("rowsAccepted").GetInt64(), batch.GetProperty("rowsRejected").GetInt64()));
        Assert.Equal("customers/consent.csv.errors.jsonl", batch.GetProperty("errorReportBlob").GetString());
        var report = await new ErrorReportStore(Host.Storage).ReadAsync("customers/consent.csv.errors.jsonl", CancellationToken.None);
        var error = JsonDocument.Parse(report.Trim()).RootElement;
        Assert.Equal((3L, "consent_email", "maybe"), (error.GetProperty("line").GetInt64(), error.GetProperty("column").GetString(), error.GetProperty("value").GetString()));

        // C buys, and has no profile: the rejected row gave it none.
        await Host.WaitForBatchAsync(await Host.UploadAsync("orders.csv", ShopExports.FiveCustomers));
        await Host.RunAsync("2024-03-31");
        var c = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/C");
        Assert.Equal(JsonValueKind.Null, c.GetProperty("profile").ValueKind);
    }

    [Fact]
    public async Task Identical_content_again_adds_nothing_and_an_overwritten_blob_leaves_its_earlier_content_to_the_name_that_duplicated_it()
    {
        // Arrange
        await Host.WaitForBatchAsync(await Host.UploadAsync("orders.csv", ShopExports.FiveCustomers));
        var first = await Host.WaitForBatchAsync(await Host.UploadProfilesAsync("crm.csv", "customer_id,city\nA,Leeds\n"));

        // Act 1: the same bytes under another name, then under the same name.
        var copy = await Host.WaitForBatchAsync(await Host.UploadProfilesAsync("crm-copy.csv", "customer_id,city\nA,Leeds\n"));
        var again = await Host.WaitForBatchAsync(await Host.UploadProfilesAsync("crm.csv", "customer_id,city\nA,Leeds\n"));

        // Assert 1
        Assert.Equal("duplicate", copy.GetProperty("status").GetString());
        Assert.Equal("identical content to 'crm.csv', which is already counted", copy.GetProperty("reason").GetString());
        Assert.Equal(first.GetProperty("normalizedBlob").GetString(), again.GetProperty("normalizedBlob").GetString());
        var run = await Host.RunAsync("2024-03-31");
        Assert.Equal((1, 1L), (run.GetProperty("profiles").GetProperty("batchesRead").GetInt32(), run.GetProperty("profiles").GetProperty("recordsRead").GetInt64()));

        // Act 2: crm.csv overwritten with new content.
        var replaced = await Host.WaitForBatchAsync(await Host.UploadProfilesAsync("crm.csv", "customer_id,city\nA,York\n"));
        var second = await Host.RunAsync("2024-03-31");
        var a = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/A");

        // Assert 2: crm.csv's new content is the newest record; the old content still counts, now under crm-copy.csv,
        // which keeps the earlier copy and its place in time (so York, newer, wins over Leeds: one conflict).
        Assert.Equal("York", a.GetProperty("profile").GetProperty("city").GetString());
        Assert.Equal((2, 1), (second.GetProperty("profiles").GetProperty("batchesRead").GetInt32(), second.GetProperty("profiles").GetProperty("conflictingCustomers").GetInt32()));
        Assert.NotEqual(first.GetProperty("normalizedBlob").GetString(), replaced.GetProperty("normalizedBlob").GetString());
        var batches = (await Host.Http.GetFromJsonAsync<JsonElement>("/api/batches")).EnumerateArray().ToDictionary(b => (b.GetProperty("kind").GetString(), b.GetProperty("blobName").GetString()));
        var heir = batches[("profiles", "crm-copy.csv")];
        Assert.Equal(("accepted", first.GetProperty("normalizedBlob").GetString()), (heir.GetProperty("status").GetString(), heir.GetProperty("normalizedBlob").GetString()));
        var old = await Host.Storage.Blobs.GetBlobContainerClient(StorageNames.NormalizedContainer).GetBlobClient(first.GetProperty("normalizedBlob").GetString()).ExistsAsync();
        Assert.True(old.Value);
    }

    [Fact]
    public async Task A_shopify_customers_export_joins_shopify_orders_by_hashed_email()
    {
        // Arrange
        const string orders =
            "Name,Email,Financial Status,Paid at,Created at,Lineitem quantity,Lineitem price,Total,Billing Country\n"
            + "#1001,Ann@Example.com,paid,2024-03-20 10:00:00 +0000,2024-03-20 10:00:00 +0000,1,40.00,40.00,KR\n";
        const string customers =
            "Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address City,Default Address Province Code,Default Address Country Code,Accepts SMS Marketing,Total Spent,Total Orders,Tags\n"
            + "'7215491055911,Ann,Lee,ann@example.com,yes,Seoul,11,KR,no,40.00,1,wholesale\n";
        await Host.WaitForBatchAsync(await Host.UploadAsync("shopify-orders.csv", orders));
        var batch = await Host.WaitForBatchAsync(await Host.UploadProfilesAsync("shopify-customers.csv", customers));

        // Act
        await Host.RunAsync("2024-03-31");
        var ann = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/ann@example.com");

        // Assert: looked up by e-mail (hashed on the way in), the orders and the profile are one customer.
        Assert.Equal("shopify-customers", batch.GetProperty("profile").GetString());
        Assert.StartsWith("email:", ann.GetProperty("customerId").GetString(), StringComparison.Ordinal);
        Assert.Equal(("Seoul", "11", true), (ann.GetProperty("profile").GetProperty("city").GetString(), ann.GetProperty("profile").GetProperty("region").GetString(), ann.GetProperty("profile").GetProperty("consentEmail").GetBoolean()));
    }

    [Fact]
    public async Task The_bundled_samples_join_on_the_online_retail_customers()
    {
        // Arrange
        await Host.WaitForBatchAsync(await Host.UploadAsync("online-retail-sample.csv", await File.ReadAllTextAsync(RepositoryPaths.Sample)));
        var batch = await Host.WaitForBatchAsync(await Host.UploadProfilesAsync("customers-sample.csv", await File.ReadAllTextAsync(RepositoryPaths.CustomersSample)));

        // Act
        var run = await Host.RunAsync("2011-12-10");
        var customer = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/12662");

        // Assert: 127 records of 126 customers, no row errors; without a non-cancelled order: the 3 sign-ups that never
        // ordered and 2 sample customers whose only invoices are cancellations; 12346 has a stale second record.
        Assert.Equal(("accepted", 127L, 0L), (batch.GetProperty("status").GetString(), batch.GetProperty("rowsAccepted").GetInt64(), batch.GetProperty("rowsRejected").GetInt64()));
        var profiles = run.GetProperty("profiles");
        Assert.Equal((126, 121, 5, 1), (profiles.GetProperty("customers").GetInt32(), profiles.GetProperty("withOrders").GetInt32(), profiles.GetProperty("withoutOrders").GetInt32(), profiles.GetProperty("conflictingCustomers").GetInt32()));
        Assert.Equal("12346: kept the record of 2011-12-01T00:00:00Z over the one of 2011-06-01T00:00:00Z; they differ in city", Assert.Single(profiles.GetProperty("conflictExamples").EnumerateArray()).GetString());
        Assert.NotEqual(JsonValueKind.Null, customer.GetProperty("profile").ValueKind);
    }

    [Fact]
    public async Task Segment_profiles_mix_the_age_bands_and_genders_of_the_members_with_a_profile()
    {
        // Arrange
        await Host.WaitForBatchAsync(await Host.UploadAsync("online-retail-sample.csv", await File.ReadAllTextAsync(RepositoryPaths.Sample)));
        await Host.WaitForBatchAsync(await Host.UploadProfilesAsync("customers-sample.csv", await File.ReadAllTextAsync(RepositoryPaths.CustomersSample)));
        await Host.RunAsync("2011-12-10");

        // Act
        var champions = (await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/rfm:Champions/profile")).GetProperty("profile");
        var members = (await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/rfm:Champions/customers?pageSize=1000")).GetProperty("customers").EnumerateArray().ToList();

        // Assert: the mixes count exactly the members whose lookup shows that field, value by value.
        var expectedBands = members
            .Select(m => m.GetProperty("profile"))
            .Where(p => p.ValueKind == JsonValueKind.Object && p.GetProperty("ageBand").ValueKind == JsonValueKind.String)
            .GroupBy(p => p.GetProperty("ageBand").GetString()!)
            .ToDictionary(g => g.Key, g => g.Count());
        var expectedGenders = members
            .Select(m => m.GetProperty("profile"))
            .Where(p => p.ValueKind == JsonValueKind.Object && p.GetProperty("gender").ValueKind == JsonValueKind.String)
            .GroupBy(p => p.GetProperty("gender").GetString()!)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.NotEmpty(expectedBands);
        AssertMix(expectedBands, champions.GetProperty("ageBands"));
        AssertMix(expectedGenders, champions.GetProperty("genders"));
    }

    private static void AssertMix(Dictionary<string, int> expected, JsonElement mix)
    {
        Assert.Equal(expected.Values.Sum(), mix.GetProperty("knownCustomers").GetInt32());
        var actual = mix.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!, v => v.GetProperty("customers").GetInt32());
        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
    }
}
