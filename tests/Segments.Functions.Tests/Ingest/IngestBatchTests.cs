using Segments.Functions.Tests.Fixtures;
using Segments.Integration.Tests.Fixtures;
using Segments.Core.Transactions;
using Segments.Storage.Blobs;
using Segments.Storage.Batches;

namespace Segments.Functions.Tests.Ingest;

/// <summary><c>IngestBatch</c>, invoked with the blob client of an uploaded export, as the blob trigger binds it.</summary>
public sealed class IngestBatchTests(AzuriteFixture azurite) : FunctionsTestBase(azurite)
{
    [Fact]
    public async Task An_uploaded_export_becomes_an_accepted_ledger_row_and_a_normalised_batch()
    {
        var blob = await IngestSampleAsync();

        var batch = Assert.Single(await new BatchLedger(Storage).ListAsync(CancellationToken.None));
        Assert.Equal((blob.Name, blob.ETag, BatchStatus.Accepted, "uci-online-retail"), (batch.BlobName, batch.ETag, batch.Status, batch.Profile));
        Assert.True(batch.RowsAccepted > 10_000, $"{batch.RowsAccepted} rows accepted");
        Assert.Equal(batch.RowsRead, batch.RowsAccepted + batch.RowsSkipped + batch.RowsRejected);
        var lines = new List<TransactionLine>();
        using (var reader = new StreamReader(await new NormalizedBatchStore(Storage).OpenReadAsync(batch.NormalizedBlob!, CancellationToken.None), NormalizedBatchFormat.Encoding))
        {
            await foreach (var line in NormalizedBatchFormat.ReadAsync(reader, CancellationToken.None))
            {
                lines.Add(line);
            }
        }

        Assert.Equal(batch.RowsAccepted, lines.Count);
        Assert.Contains(lines, line => line.CustomerId == "12662" && line.Country == "Germany");
        Assert.DoesNotContain(lines, line => line.CustomerId.Length == 0);
    }
}
