using Segments.Functions.Tests.Fixtures;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;
using Segments.Storage.Batches;

namespace Segments.Functions.Tests.Ingest;

/// <summary><c>IngestProfiles</c>, invoked with the blob client of an uploaded customer export.</summary>
public sealed class IngestProfilesTests(AzuriteFixture azurite) : FunctionsTestBase(azurite)
{
    [Fact]
    public async Task An_uploaded_customer_export_becomes_a_profiles_ledger_row_and_normalised_profiles()
    {
        var blob = await IngestCustomersSampleAsync();
        var rows = File.ReadLines(RepositoryPaths.CustomersSample).Skip(1).ToList();
        var customers = rows.Select(row => row.Split(',')[0]).Distinct(StringComparer.Ordinal).Count();

        var batch = Assert.Single(await new BatchLedger(Storage).ListAsync(BatchKind.Profiles, CancellationToken.None));
        Assert.Equal((blob.Name, blob.ETag, BatchStatus.Accepted), (batch.BlobName, batch.ETag, batch.Status));
        Assert.Equal((long)rows.Count, batch.RowsRead);
        Assert.Equal(batch.RowsRead, batch.RowsAccepted + batch.RowsSkipped + batch.RowsRejected);
        Assert.Equal(customers, batch.Profiles!.Customers);
        var normalized = Storage.Blobs.GetBlobContainerClient(StorageNames.NormalizedContainer).GetBlobClient(batch.NormalizedBlob);
        Assert.True((await normalized.GetPropertiesAsync()).Value.ContentLength > 0);
        Assert.Empty(await new BatchLedger(Storage).ListAsync(BatchKind.Transactions, CancellationToken.None));
    }
}
