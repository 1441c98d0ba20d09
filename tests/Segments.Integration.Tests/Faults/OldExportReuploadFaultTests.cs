using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Segments.Integration.Tests.Ingest;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Faults;

/// <summary>
/// A fault as shops make it: after a correction, an old export is sent again, plain and gzipped, under its own
/// name and under others. What a user sees afterwards must be what a clean run of the two real exports gives.
/// </summary>
public sealed class OldExportReuploadFaultTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    private const string Monday =
        """
        customer_id,order_id,order_date,amount
        A,o1,2024-03-01,100
        A,o2,2024-03-02,50
        B,o3,2024-03-02,70
        C,o5,2024-02-20,15

        """;

    // The correction: o2 is 20, not 50; o4 is new.
    private const string Tuesday =
        """
        customer_id,order_id,order_date,amount
        A,o2,2024-03-02,20
        B,o4,2024-03-03,30

        """;

    [Fact]
    public async Task An_old_export_re_uploaded_plain_and_gzipped_after_a_correction_changes_nothing_a_user_sees()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("exports/monday.csv", Monday));
        await Host.WaitForBatchAsync(await Host.UploadAsync("exports/tuesday.csv", Tuesday));
        var clean = await Host.RunAsync("2024-03-10");
        var cleanSegments = await SegmentSizesAsync();

        // The old export again: same name plain, same name gzipped, and under two other names.
        await Host.WaitForBatchAsync(await Host.UploadAsync("exports/monday.csv", Monday));
        await Host.WaitForBatchAsync(await Host.UploadBytesAsync("exports/monday.csv", ExportOverTimeTests.Gzip(Monday)));
        await Host.WaitForBatchAsync(await Host.UploadAsync("resent/monday-again.csv", Monday));
        await Host.WaitForBatchAsync(await Host.UploadBytesAsync("resent/monday.csv.gz", ExportOverTimeTests.Gzip(Monday)));
        var after = await Host.RunAsync("2024-03-10");

        // Lookups answer from the newest run, with the corrected order: A = 100 + 20 over 2 orders.
        var a = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/A");
        Assert.Equal(after.GetProperty("runId").GetString(), a.GetProperty("runId").GetString());
        Assert.Equal((2, 120m), (a.GetProperty("rfm").GetProperty("frequency").GetInt32(), a.GetProperty("rfm").GetProperty("monetary").GetDecimal()));
        var b = (await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/B")).GetProperty("rfm");
        Assert.Equal((2, 100m), (b.GetProperty("frequency").GetInt32(), b.GetProperty("monetary").GetDecimal()));

        // Counts equal the clean run's.
        Assert.Equal(Counts(clean), Counts(after));
        Assert.Equal(cleanSegments, await SegmentSizesAsync());

        // Nothing ingested twice: two accepted batches, two normalised copies, every re-upload a duplicate.
        var ledger = (await Host.Http.GetFromJsonAsync<JsonElement>("/api/batches")).EnumerateArray().ToList();
        var batches = ledger.ToDictionary(x => x.GetProperty("blobName").GetString()!, x => x.GetProperty("status").GetString());
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["exports/monday.csv"] = "accepted",
                ["exports/tuesday.csv"] = "accepted",
                ["resent/monday-again.csv"] = "duplicate",
                ["resent/monday.csv.gz"] = "duplicate",
            },
            batches);
        var copies = new List<string>();
        await foreach (var item in Host.Storage.Blobs.GetBlobContainerClient(StorageNames.NormalizedContainer).GetBlobsAsync())
        {
            // A run's own blobs (segment profiles, recommendations) are not copies of an export.
            if (!item.Name.StartsWith(SegmentProfileStore.Prefix, StringComparison.Ordinal) && !item.Name.StartsWith(Segments.Storage.Recommendations.RecommendationStore.Prefix, StringComparison.Ordinal))
            {
                copies.Add(item.Name);
            }
        }

        var counted = ledger.Where(x => x.GetProperty("status").GetString() == "accepted").Select(x => x.GetProperty("normalizedBlob").GetString()!);
        Assert.Equal(counted.Order(StringComparer.Ordinal), copies.Order(StringComparer.Ordinal));
    }

    private static (int Batches, long Transactions, int Customers) Counts(JsonElement run) =>
        (run.GetProperty("batchesRead").GetInt32(), run.GetProperty("transactionsRead").GetInt64(), run.GetProperty("customersScored").GetInt32());

    private async Task<Dictionary<string, int>> SegmentSizesAsync()
    {
        var segments = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments");
        return segments.GetProperty("segments").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("customers").GetInt32());
    }
}
