using Segments.Functions.Tests.Fixtures;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;
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
        var normalized = Storage.Blobs.GetBlobContainerClient(StorageNames.NormalizedContainer).GetBlobClient(batch.NormalizedBlob);
        Assert.True((await normalized.GetPropertiesAsync()).Value.ContentLength > 0);
    }
}
