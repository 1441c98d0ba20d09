using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Ingest;

/// <summary>Exports as shops really send them, over days: overlaps, corrections, other layouts, compression.</summary>
public sealed class ExportOverTimeTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    private const string Monday =
        """
        customer_id,order_id,order_date,amount
        A,o1,2024-03-01,100
        A,o2,2024-03-02,50
        B,o3,2024-03-02,70

        """;

    // Tuesday's export overlaps Monday's: o2 is corrected (50 → 20) and o4 is new.
    private const string Tuesday =
        """
        customer_id,order_id,order_date,amount
        A,o2,2024-03-02,20
        B,o4,2024-03-03,30

        """;

    [Fact]
    public async Task The_same_order_in_a_later_batch_replaces_the_earlier_version()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("monday.csv", Monday));
        await Host.WaitForBatchAsync(await Host.UploadAsync("tuesday.csv", Tuesday));

        await Host.RunAsync("2024-03-10");

        // A: o1 100 + o2 corrected to 20 = 120 over 2 orders, not 170 over 3 lines.
        var a = (await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/A")).GetProperty("rfm");
        Assert.Equal((2, 120m), (a.GetProperty("frequency").GetInt32(), a.GetProperty("monetary").GetDecimal()));
        var b = (await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/B")).GetProperty("rfm");
        Assert.Equal((2, 100m), (b.GetProperty("frequency").GetInt32(), b.GetProperty("monetary").GetDecimal()));
    }

    [Fact]
    public async Task Re_uploading_an_old_export_unchanged_does_not_undo_a_later_correction()
    {
        await Host.WaitForBatchAsync(await Host.UploadAsync("monday.csv", Monday));
        await Host.WaitForBatchAsync(await Host.UploadAsync("tuesday.csv", Tuesday));
        await Host.WaitForBatchAsync(await Host.UploadAsync("monday.csv", Monday));

        await Host.RunAsync("2024-03-10");

        var a = (await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/A")).GetProperty("rfm");
        Assert.Equal(120m, a.GetProperty("monetary").GetDecimal());
    }

    [Fact]
    public async Task A_gzip_copy_of_an_export_already_ingested_is_a_duplicate_and_does_not_undo_a_later_correction()
    {
        var monday = await Host.WaitForBatchAsync(await Host.UploadAsync("monday.csv", Monday));
        await Host.WaitForBatchAsync(await Host.UploadAsync("tuesday.csv", Tuesday));

        var copy = await Host.WaitForBatchAsync(await Host.UploadBytesAsync("monday.csv.gz", Gzip(Monday)));

        Assert.Equal(("duplicate", "csv+gzip"), (copy.GetProperty("status").GetString(), copy.GetProperty("format").GetString()));
        Assert.Matches("^[0-9a-f]{64}$", monday.GetProperty("contentHash").GetString());
        Assert.Equal(monday.GetProperty("contentHash").GetString(), copy.GetProperty("contentHash").GetString());
        Assert.Contains("'monday.csv'", copy.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await Host.RunAsync("2024-03-10");
        // Tuesday's correction of o2 (50 → 20) still stands: 100 + 20.
        var a = (await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/A")).GetProperty("rfm");
        Assert.Equal((2, 120m), (a.GetProperty("frequency").GetInt32(), a.GetProperty("monetary").GetDecimal()));
    }

    [Fact]
    public async Task Overwriting_a_blob_keeps_its_old_content_counted_under_the_name_that_duplicated_it()
    {
        var original = await Host.WaitForBatchAsync(await Host.UploadAsync("monday.csv", Monday));
        Assert.Equal("duplicate", (await Host.WaitForBatchAsync(await Host.UploadBytesAsync("archive/monday.csv.gz", Gzip(Monday)))).GetProperty("status").GetString());

        // The shop reuses the name for another day's export: Monday's content is still held by the archive copy.
        await Host.WaitForBatchAsync(await Host.UploadAsync("monday.csv", "customer_id,order_id,order_date,amount\nC,o9,2024-03-05,10\n"));

        var batches = (await Host.Http.GetFromJsonAsync<JsonElement>("/api/batches")).EnumerateArray().ToDictionary(b => b.GetProperty("blobName").GetString()!);
        var archive = batches["archive/monday.csv.gz"];
        Assert.Equal(("accepted", original.GetProperty("normalizedBlob").GetString()), (archive.GetProperty("status").GetString(), archive.GetProperty("normalizedBlob").GetString()));
        Assert.Equal(original.GetProperty("acceptedAt").GetDateTimeOffset(), archive.GetProperty("acceptedAt").GetDateTimeOffset());
        var run = await Host.RunAsync("2024-03-10");
        Assert.Equal(3, run.GetProperty("customersScored").GetInt32());
        var b = (await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/B")).GetProperty("rfm");
        Assert.Equal((1, 70m), (b.GetProperty("frequency").GetInt32(), b.GetProperty("monetary").GetDecimal()));
        var a = (await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/A")).GetProperty("rfm");
        Assert.Equal((2, 150m), (a.GetProperty("frequency").GetInt32(), a.GetProperty("monetary").GetDecimal()));
    }

    [Fact]
    public async Task Gzipped_export_is_read_like_the_plain_one()
    {
        var batch = await Host.WaitForBatchAsync(await Host.UploadBytesAsync("five.csv.gz", Gzip(ShopExports.FiveCustomers)));

        Assert.Equal(("accepted", "csv+gzip", 11L), (batch.GetProperty("status").GetString(), batch.GetProperty("format").GetString(), batch.GetProperty("rowsAccepted").GetInt64()));
    }

    [Fact]
    public async Task Blob_metadata_forces_a_mapping_for_one_upload()
    {
        // A CDNOW log has no header; forcing the generic mapping on it must fail on the missing columns,
        // proving the metadata was obeyed rather than the layout detected.
        var batch = await Host.WaitForBatchAsync(await Host.UploadAsync("cdnow.txt", "00001 19970101 1 11.77\n", mappingName: "generic"));

        Assert.Equal("rejected", batch.GetProperty("status").GetString());
        Assert.Contains("missing required columns for mapping 'generic'", batch.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mapping_file_in_config_reads_an_unknown_export_without_a_code_change()
    {
        var config = new ConfigStore(Host.Storage);
        await Host.Storage.EnsureReadyAsync(CancellationToken.None);
        await config.WriteTextAsync("mappings/acme.json", """
            {
              "name": "acme-pos",
              "detect": ["Kunde", "Beleg", "Datum", "Betrag"],
              "customer": ["Kunde"],
              "order": "Beleg",
              "orderDate": ["Datum"],
              "dateFormat": "dd.MM.yyyy",
              "amount": "Betrag"
            }
            """, CancellationToken.None);

        var batch = await Host.WaitForBatchAsync(await Host.UploadAsync("acme.csv", "Kunde;Beleg;Datum;Betrag\nK1;B1;01.03.2024;19.90\nK1;B2;05.03.2024;5.10\n"));

        Assert.Equal(("accepted", "acme-pos", 2L), (batch.GetProperty("status").GetString(), batch.GetProperty("profile").GetString(), batch.GetProperty("rowsAccepted").GetInt64()));
        await Host.RunAsync("2024-03-10");
        var k1 = (await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/K1")).GetProperty("rfm");
        Assert.Equal((5, 2, 25.00m), (k1.GetProperty("recencyDays").GetInt32(), k1.GetProperty("frequency").GetInt32(), k1.GetProperty("monetary").GetDecimal()));
    }

    [Fact]
    public async Task Shopify_export_with_an_email_customer_is_stored_hashed_and_found_by_the_email()
    {
        const string shopify =
            """
            Name,Email,Financial Status,Paid at,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Country,Cancelled at,Refunded Amount
            #1001,Ann@Example.com,paid,2024-03-01 10:00:00 +0100,EUR,30.00,2024-03-01 09:00:00 +0100,1,Mug,10.00,MUG-1,DE,,0.00
            #1001,,,,,,,2,Tea,10.00,TEA-2,,,
            #1002,ann@example.com,refunded,2024-03-05 10:00:00 +0100,EUR,12.00,2024-03-05 09:00:00 +0100,1,Mug,12.00,MUG-1,DE,2024-03-06 10:00:00 +0100,12.00

            """;

        var batch = await Host.WaitForBatchAsync(await Host.UploadAsync("shopify/orders_export.csv", shopify));
        Assert.Equal(("accepted", "shopify-orders"), (batch.GetProperty("status").GetString(), batch.GetProperty("profile").GetString()));
        await Host.RunAsync("2024-03-10");

        // #1001 counts once with its total 30.00; #1002 was cancelled: no order, no revenue.
        var ann = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/ANN@example.com");
        Assert.StartsWith("email:", ann.GetProperty("customerId").GetString(), StringComparison.Ordinal);
        Assert.Equal((1, 30.00m, 9), (ann.GetProperty("rfm").GetProperty("frequency").GetInt32(), ann.GetProperty("rfm").GetProperty("monetary").GetDecimal(), ann.GetProperty("rfm").GetProperty("recencyDays").GetInt32()));
        await foreach (var table in Host.Storage.Tables.QueryAsync())
        {
            await foreach (var entity in Host.Storage.Tables.GetTableClient(table.Name).QueryAsync<Azure.Data.Tables.TableEntity>())
            {
                Assert.DoesNotContain("@", string.Join(",", entity.Select(p => p.Value)), StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The text as a gzip file, as a shop's export job compresses it.</summary>
    internal static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
