extern alias functions;

using System.IO.Compression;
using Segments.Functions.Tests.Fixtures;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;
using Segments.Storage.Batches;

namespace Segments.Functions.Tests.Ingest;

/// <summary>
/// Blobs the blob triggers cannot read end as in the local host (whose listener calls the same handlers): a file
/// that cannot be parsed is a handled rejection, a vanished blob is skipped, and a failure of the ingest itself is
/// an exception the runtime counts, the ledger marking the fifth attempt poison. Each logs one line.
/// </summary>
public sealed class UnreadableBlobTests(AzuriteFixture azurite) : FunctionsTestBase(azurite)
{
    private static readonly FunctionMethod IngestBatch = FunctionMethod.Named("IngestBatch");

    [Fact]
    public async Task A_gzip_export_cut_off_midway_is_rejected_with_its_reason_and_one_log_line()
    {
        var (client, blob) = await UploadAsync(StorageNames.TransactionsContainer, "cut.csv.gz", await CutGzipOfSampleAsync());

        var lines = await LinesDuringAsync(() => Invoker.InvokeAsync(IngestBatch, client, Binding(blob.Name)));

        var batch = Assert.Single(await new BatchLedger(Storage).ListAsync(CancellationToken.None));
        Assert.Equal((BatchStatus.Rejected, 0), (batch.Status, batch.Attempts));
        Assert.Contains("gzip data is truncated or corrupt", batch.Reason, StringComparison.Ordinal);
        Assert.Null(batch.NormalizedBlob);
        var line = Assert.Single(lines);
        Assert.Contains("Ingested cut.csv.gz: rejected", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blob_deleted_before_the_function_ran_is_skipped_with_one_warning()
    {
        var (client, blob) = await UploadAsync(StorageNames.TransactionsContainer, "gone.csv", "customer_id,order_id,order_date,amount\nA,o1,2024-03-01,10\n"u8.ToArray());
        await client.DeleteAsync();

        var lines = await LinesDuringAsync(() => Invoker.InvokeAsync(IngestBatch, client, Binding(blob.Name)));

        Assert.Empty(await new BatchLedger(Storage).ListAsync(CancellationToken.None));
        var line = Assert.Single(lines);
        Assert.StartsWith("Warning Segments.Functions.Ingest.IngestBatch: Blob trigger: 'transactions/gone.csv' was deleted", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blob_whose_ingest_keeps_failing_throws_each_attempt_and_its_fifth_failure_is_poison()
    {
        // Without the normalized container every attempt fails when it writes the batch copy (as PoisonTests does to the local host).
        await Storage.Blobs.DeleteBlobContainerAsync(StorageNames.NormalizedContainer);
        var (client, blob) = await UploadAsync(StorageNames.TransactionsContainer, "doomed.csv", "customer_id,order_id,order_date,amount\nA,o1,2024-03-01,10\n"u8.ToArray());

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var lines = await LinesDuringAsync(() => Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => Invoker.InvokeAsync(IngestBatch, client, Binding(blob.Name))));

            var batch = (await new BatchLedger(Storage).GetAsync(BatchKind.Transactions, blob.Name, CancellationToken.None))!;
            Assert.Equal((attempt, attempt < 5 ? BatchStatus.Failed : BatchStatus.Poison), (batch.Attempts, batch.Status));
            Assert.StartsWith($"attempt {attempt} failed: ", batch.Reason, StringComparison.Ordinal);
            var line = Assert.Single(lines);
            Assert.StartsWith($"{(attempt < 5 ? "Warning" : "Error")} Segments.Functions.Ingest.IngestBatch: Blob trigger: ingesting 'transactions/doomed.csv' failed (attempt {attempt} of 5)", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_customer_export_whose_ingest_keeps_failing_counts_its_attempts_under_the_profiles_kind()
    {
        await Storage.Blobs.DeleteBlobContainerAsync(StorageNames.NormalizedContainer);
        var (client, blob) = await UploadAsync(StorageNames.CustomersContainer, "doomed-crm.csv", "customer_id,city\nA,Leeds\n"u8.ToArray());

        var lines = await LinesDuringAsync(() => Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => Invoker.InvokeAsync(FunctionMethod.Named("IngestProfiles"), client, Binding(blob.Name))));

        var batch = (await new BatchLedger(Storage).GetAsync(BatchKind.Profiles, blob.Name, CancellationToken.None))!;
        Assert.Equal((1, BatchStatus.Failed), (batch.Attempts, batch.Status));
        Assert.StartsWith("Warning Segments.Functions.Ingest.IngestProfiles: Blob trigger: ingesting 'customers/doomed-crm.csv' failed (attempt 1 of 5)", Assert.Single(lines), StringComparison.Ordinal);
    }

    [Fact]
    public void The_attempt_the_ledger_calls_poison_is_the_last_the_runtime_makes()
    {
        // The runtime sets a blob aside after host.json's extensions.queues.maxDequeueCount failures.
        using var hostJson = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")));
        var maxDequeueCount = hostJson.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32();

        Assert.Equal(functions::Segments.Functions.Ingest.IngestBatch.MaxAttempts, maxDequeueCount);
        Assert.Equal(functions::Segments.Functions.Ingest.IngestProfiles.MaxAttempts, maxDequeueCount);
    }

    private static Dictionary<string, string> Binding(string name) => new() { ["name"] = name };

    private static async Task<byte[]> CutGzipOfSampleAsync()
    {
        using var gzip = new MemoryStream();
        await using (var writer = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true))
        {
            await writer.WriteAsync(await File.ReadAllBytesAsync(RepositoryPaths.Sample));
        }

        return gzip.ToArray()[..(int)(gzip.Length / 2)];
    }
}
