using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Ingest;

/// <summary>
/// Broken and hostile exports through the blob trigger: each ends in the ledger with a row error or one short
/// reason, and none is retried into <c>webjobs-blobtrigger-poison</c>.
/// </summary>
public sealed class MalformedExportTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    private const string Header = "customer_id,order_id,order_date,amount";

    private static readonly string GoodRows = string.Concat(Enumerable.Range(1, 40).Select(i => $"C{i},o{i},2024-03-01,{i}\n"));

    [Fact]
    public async Task A_record_far_over_the_length_limit_costs_its_row_not_the_blob()
    {
        // 3 million characters on line 3: past the 1 Mi limit and past what the CSV parser can buffer.
        var blob = await Host.UploadAsync("huge-row.csv", Header + "\nA,o0,2024-03-01,10\nB,o" + new string('x', 3_000_000) + ",2024-03-01,10\n" + GoodRows);

        var batch = await Host.WaitForBatchAsync(blob);

        Assert.Equal(("accepted", 42L, 41L, 1L), (batch.GetProperty("status").GetString(), batch.GetProperty("rowsRead").GetInt64(), batch.GetProperty("rowsAccepted").GetInt64(), batch.GetProperty("rowsRejected").GetInt64()));
        var error = JsonDocument.Parse((await new ErrorReportStore(Host.Storage).ReadAsync(batch.GetProperty("errorReportBlob").GetString()!, CancellationToken.None)).Trim()).RootElement;
        Assert.Equal((3L, "line 3 is longer than the 1,048,576-character limit for one record (setting Segments:Ingest:MaxRecordChars)"), (error.GetProperty("line").GetInt64(), error.GetProperty("reason").GetString()));
        await AssertNothingPoisonedAsync();
    }

    [Fact]
    public async Task A_header_of_200000_columns_is_rejected_with_a_short_reason_that_does_not_repeat_it()
    {
        var blob = await Host.UploadAsync("wide.csv", string.Join(",", Enumerable.Range(0, 200_000).Select(i => $"c{i}")) + "\n1,2\n");

        var batch = await Host.WaitForBatchAsync(blob);

        Assert.Equal("rejected", batch.GetProperty("status").GetString());
        var reason = batch.GetProperty("reason").GetString()!;
        Assert.True(reason.Length <= 500, reason);
        Assert.DoesNotContain("c199", reason, StringComparison.Ordinal);
        await AssertNothingPoisonedAsync();
    }

    [Fact]
    public async Task An_unterminated_quote_rejects_the_blob_naming_the_line_where_the_field_began()
    {
        var blob = await Host.UploadAsync("open-quote.csv", Header + "\nA,o0,2024-03-01,10\nB,\"o1,2024-03-01,10\n" + GoodRows);

        var batch = await Host.WaitForBatchAsync(blob);

        Assert.Equal(
            ("rejected", "line 3: a quoted field starts on this line and is never closed (the file ends inside it) (after 1 rows)"),
            (batch.GetProperty("status").GetString(), batch.GetProperty("reason").GetString()));
        await AssertNothingPoisonedAsync();
    }

    [Fact]
    public async Task A_row_with_bytes_that_are_not_UTF8_is_a_row_error_naming_the_byte_offset()
    {
        var head = Encoding.UTF8.GetBytes(Header + "\n" + GoodRows);
        var blob = await Host.UploadBytesAsync("latin1-row.csv", [.. head, .. "M"u8, 0xFC, .. "ller,o99,2024-03-01,10\n"u8]);

        var batch = await Host.WaitForBatchAsync(blob);

        Assert.Equal(("accepted", 40L, 1L), (batch.GetProperty("status").GetString(), batch.GetProperty("rowsAccepted").GetInt64(), batch.GetProperty("rowsRejected").GetInt64()));
        var error = JsonDocument.Parse((await new ErrorReportStore(Host.Storage).ReadAsync(batch.GetProperty("errorReportBlob").GetString()!, CancellationToken.None)).Trim()).RootElement;
        Assert.Equal(42L, error.GetProperty("line").GetInt64());
        Assert.StartsWith($"bytes that are not valid UTF-8 at byte offset {head.Length + 1:N0}", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_whose_blob_metadata_declares_windows_1252_is_decoded_as_such()
    {
        byte[] content = [.. Encoding.ASCII.GetBytes(Header + "\nM"), 0xFC, .. Encoding.ASCII.GetBytes("ller,o1,2024-03-01,10\n")];
        await Host.Storage.EnsureReadyAsync(CancellationToken.None);
        var client = Host.Storage.Blobs.GetBlobContainerClient(StorageNames.TransactionsContainer).GetBlobClient("kasse.csv");
        var uploaded = await client.UploadAsync(new BinaryData(content), new BlobUploadOptions { Metadata = new Dictionary<string, string> { [DropZone.EncodingMetadataKey] = "windows-1252" } });

        var batch = await Host.WaitForBatchAsync(DropZone.VersionOf("kasse.csv", uploaded.Value.ETag, content.Length, null));

        Assert.Equal(("accepted", 1L), (batch.GetProperty("status").GetString(), batch.GetProperty("rowsAccepted").GetInt64()));
        await Host.RunAsync("2024-03-10");
        var customer = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/M%C3%BCller");
        Assert.Equal("Müller", customer.GetProperty("customerId").GetString());
    }

    [Fact]
    public async Task A_gzip_of_several_members_is_accepted_whole()
    {
        byte[] content = [.. ExportOverTimeTests.Gzip(Header + "\nA,o1,2024-03-01,10\n"), .. ExportOverTimeTests.Gzip(GoodRows)];

        var batch = await Host.WaitForBatchAsync(await Host.UploadBytesAsync("concatenated.csv.gz", content));

        Assert.Equal(("accepted", "csv+gzip", 41L), (batch.GetProperty("status").GetString(), batch.GetProperty("format").GetString(), batch.GetProperty("rowsAccepted").GetInt64()));
    }

    [Fact]
    public async Task A_day_without_orders_is_accepted_with_zero_rows()
    {
        var batch = await Host.WaitForBatchAsync(await Host.UploadAsync("sunday.csv", Header + "\n"));

        Assert.Equal(("accepted", 0L), (batch.GetProperty("status").GetString(), batch.GetProperty("rowsRead").GetInt64()));
    }

    private async Task AssertNothingPoisonedAsync()
    {
        var poison = Host.Storage.Queues.GetQueueClient(StorageNames.PoisonQueue);
        var messages = (await poison.ExistsAsync()).Value ? (await poison.PeekMessagesAsync(maxMessages: 32)).Value : [];
        Assert.Empty(messages);
        var batches = await Host.Http.GetFromJsonAsync<JsonElement>("/api/batches");
        Assert.DoesNotContain(batches.EnumerateArray(), b => b.GetProperty("status").GetString() is "failed" or "poison");
    }
}
