using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Ingest;

/// <summary>The blob trigger and the Batches ledger on a real Azurite.</summary>
public sealed class IngestTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    [Fact]
    public async Task Malformed_rows_are_counted_and_reported_by_line_and_column()
    {
        var blob = await Host.UploadAsync("broken.csv", ShopExports.WithBrokenRows);

        var batch = await Host.WaitForBatchAsync(blob);

        // 4 of 6 rows rejected is far above the 5% limit: the whole file is refused, and the report says why.
        Assert.Equal("rejected", batch.GetProperty("status").GetString());
        Assert.StartsWith("66.7% of rows were rejected (4 of 6)", batch.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, batch.GetProperty("normalizedBlob").ValueKind);
        Assert.Equal(6, batch.GetProperty("rowsRead").GetInt64());
        Assert.Equal(2, batch.GetProperty("rowsAccepted").GetInt64());
        Assert.Equal(4, batch.GetProperty("rowsRejected").GetInt64());
        var report = await new ErrorReportStore(Host.Storage).ReadAsync(batch.GetProperty("errorReportBlob").GetString()!, CancellationToken.None);
        var errors = report.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(
            [(3L, "order_date", "30/02/2024"), (4L, "amount", "lots"), (5L, "customer_id", ""), (6L, "", "")],
            errors.Select(e => (e.GetProperty("line").GetInt64(), e.GetProperty("column").GetString()!, e.GetProperty("value").GetString()!)).ToList());
        Assert.Contains("expected 5 fields, found 2", errors[3].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_few_bad_rows_below_the_threshold_are_reported_and_the_rest_counts()
    {
        // 24 good orders and one with an unreadable amount on line 14: 4% rejected, under the 5% limit.
        var rows = Enumerable.Range(1, 25).Select(i => i == 13 ? "C13,o13,2024-03-01,n/a" : $"C{i},o{i},2024-03-01,{i}");
        var blob = await Host.UploadAsync("mostly-fine.csv", "customer_id,order_id,order_date,amount\n" + string.Join("\n", rows) + "\n");

        var batch = await Host.WaitForBatchAsync(blob);

        Assert.Equal("accepted", batch.GetProperty("status").GetString());
        Assert.Equal((25L, 24L, 1L), (batch.GetProperty("rowsRead").GetInt64(), batch.GetProperty("rowsAccepted").GetInt64(), batch.GetProperty("rowsRejected").GetInt64()));
        var report = await new ErrorReportStore(Host.Storage).ReadAsync(batch.GetProperty("errorReportBlob").GetString()!, CancellationToken.None);
        var error = JsonDocument.Parse(report.Trim()).RootElement;
        Assert.Equal((14L, "amount", "n/a"), (error.GetProperty("line").GetInt64(), error.GetProperty("column").GetString(), error.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task Error_report_is_written_beside_the_blob_name()
    {
        var blob = await Host.UploadAsync("shop/day1.csv", ShopExports.WithBrokenRows);

        var batch = await Host.WaitForBatchAsync(blob);

        Assert.Equal("shop/day1.csv.errors.jsonl", batch.GetProperty("errorReportBlob").GetString());
        var exists = await Host.Storage.Blobs.GetBlobContainerClient(StorageNames.RejectedContainer).GetBlobClient("shop/day1.csv.errors.jsonl").ExistsAsync();
        Assert.True(exists.Value);
    }

    [Fact]
    public async Task File_without_a_recognisable_header_is_rejected_whole_with_the_reason()
    {
        var blob = await Host.UploadAsync("mystery.csv", "when,who,what\n2024-01-01,A,10\n");

        var batch = await Host.WaitForBatchAsync(blob);

        Assert.Equal("rejected", batch.GetProperty("status").GetString());
        Assert.Equal(0, batch.GetProperty("rowsAccepted").GetInt64());
        Assert.Equal(JsonValueKind.Null, batch.GetProperty("normalizedBlob").ValueKind);
        var reason = batch.GetProperty("reason").GetString()!;
        Assert.Contains("no recognised header", reason, StringComparison.Ordinal);
        Assert.Contains("customer_id,order_id,order_date,amount", reason, StringComparison.Ordinal);
        Assert.Contains("found (when,who,what)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identical_content_under_another_name_is_a_duplicate_and_not_counted_twice()
    {
        var first = await Host.WaitForBatchAsync(await Host.UploadAsync("monday.csv", ShopExports.FiveCustomers));
        var copy = await Host.WaitForBatchAsync(await Host.UploadAsync("monday-again.csv", ShopExports.FiveCustomers));

        Assert.Equal("accepted", first.GetProperty("status").GetString());
        Assert.Equal("duplicate", copy.GetProperty("status").GetString());
        Assert.Contains("monday.csv", copy.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var run = await Host.RunAsync("2024-03-31");
        Assert.Equal(1, run.GetProperty("batchesRead").GetInt32());
        var c = (await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/C")).GetProperty("rfm");
        Assert.Equal(3, c.GetProperty("frequency").GetInt32());
        Assert.Equal(60m, c.GetProperty("monetary").GetDecimal());
    }

    [Fact]
    public async Task Re_uploading_identical_content_under_the_same_name_keeps_one_copy()
    {
        var first = await Host.WaitForBatchAsync(await Host.UploadAsync("daily.csv", ShopExports.FiveCustomers));
        var again = await Host.WaitForBatchAsync(await Host.UploadAsync("daily.csv", ShopExports.FiveCustomers));

        Assert.NotEqual(first.GetProperty("eTag").GetString(), again.GetProperty("eTag").GetString());
        Assert.Equal("accepted", again.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("normalizedBlob").GetString(), again.GetProperty("normalizedBlob").GetString());
        var normalizedCopies = 0;
        await foreach (var _ in Host.Storage.Blobs.GetBlobContainerClient(StorageNames.NormalizedContainer).GetBlobsAsync())
        {
            normalizedCopies++;
        }

        Assert.Equal(1, normalizedCopies);
        var run = await Host.RunAsync("2024-03-31");
        Assert.Equal(11 - 1, run.GetProperty("transactionsRead").GetInt64()); // D's line after the as-of date is not read
    }

    [Fact]
    public async Task Overwritten_blob_replaces_its_earlier_contribution()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("daily.csv", ShopExports.FiveCustomers));
        var corrected = await Host.WaitForBatchAsync(await Host.UploadAsync("daily.csv", "customer_id,order_id,order_date,amount\nA,o1,2024-03-30,100\n"));

        Assert.Equal("accepted", corrected.GetProperty("status").GetString());
        var run = await Host.RunAsync("2024-03-31");
        Assert.Equal(1, run.GetProperty("customersScored").GetInt32());
    }

    [Fact]
    public async Task A_processed_blob_leaves_a_receipt_named_as_the_functions_host_names_it()
    {
        var blob = await Host.UploadAsync("five.csv", ShopExports.FiveCustomers);
        await Host.WaitForBatchAsync(blob);

        var receipts = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (receipts.Count == 0 && DateTime.UtcNow < deadline)
        {
            await foreach (var item in Host.Storage.Blobs.GetBlobContainerClient(StorageNames.HostsContainer).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "blobreceipts/", CancellationToken.None))
            {
                receipts.Add(item.Name);
            }

            await Task.Delay(100);
        }

        Assert.Equal([$"blobreceipts/segments-test/Segments.IngestBatch/{blob.ETag}/transactions/five.csv"], receipts);
    }
}
