using Segments.Core.Events;
using Segments.Functions.Tests.Fixtures;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;

namespace Segments.Functions.Tests.Ingest;

/// <summary><c>IngestEvents</c>, invoked with the blob client of an uploaded behaviour-event export.</summary>
public sealed class IngestEventsTests(AzuriteFixture azurite) : FunctionsTestBase(azurite)
{
    [Fact]
    public async Task An_uploaded_events_export_becomes_an_events_ledger_row_and_a_normalised_events_batch()
    {
        var blob = await IngestEventsSampleAsync();
        var lines = File.ReadLines(RepositoryPaths.EventsSample).Count();

        var batch = Assert.Single(await new BatchLedger(Storage).ListAsync(BatchKind.Events, CancellationToken.None));
        Assert.Equal((blob.Name, blob.ETag, BatchStatus.Accepted, "segment", "jsonl"), (batch.BlobName, batch.ETag, batch.Status, batch.Profile, batch.Format));
        Assert.Equal(((long)lines, (long)lines, 0L), (batch.RowsRead, batch.RowsAccepted, batch.RowsRejected));
        await using var normalized = await new NormalizedBatchStore(Storage).OpenReadAsync(batch.NormalizedBlob!, CancellationToken.None);
        using var reader = new StreamReader(normalized);
        Assert.Equal(lines, await NormalizedEventFormat.ReadAsync(reader).CountAsync());
        Assert.Empty(await new BatchLedger(Storage).ListAsync(BatchKind.Transactions, CancellationToken.None));
    }
}
