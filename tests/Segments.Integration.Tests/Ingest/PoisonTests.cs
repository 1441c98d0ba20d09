using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Ingest;

/// <summary>A blob that keeps failing is set aside, as the Functions blob trigger does, instead of retried forever.</summary>
public sealed class PoisonTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    [Fact]
    public async Task A_blob_that_fails_five_times_goes_to_the_poison_queue_with_its_reason()
    {
        // Without the normalized container every attempt fails when it writes the batch copy.
        await Host.Storage.EnsureReadyAsync(CancellationToken.None);
        await Host.Storage.Blobs.DeleteBlobContainerAsync(StorageNames.NormalizedContainer);
        using var content = new MemoryStream("customer_id,order_id,order_date,amount\nA,o1,2024-03-01,10\n"u8.ToArray());
        var blob = await new DropZone(Host.Storage).UploadAsync("doomed.csv", content, CancellationToken.None);

        var batch = await Host.WaitForBatchAsync(blob, status: "poison");

        Assert.Equal(5, batch.GetProperty("attempts").GetInt32());
        Assert.StartsWith("attempt 5 failed: ", batch.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var poison = await ReceivePoisonMessageAsync();
        Assert.Equal(("doomed.csv", blob.ETag, "transactions"), (poison.GetProperty("BlobName").GetString(), poison.GetProperty("ETag").GetString(), poison.GetProperty("ContainerName").GetString()));
    }

    [Fact]
    public async Task A_customer_export_that_keeps_failing_is_poisoned_under_its_own_function_and_container()
    {
        // As above: without the normalized container every attempt fails.
        await Host.Storage.EnsureReadyAsync(CancellationToken.None);
        await Host.Storage.Blobs.DeleteBlobContainerAsync(StorageNames.NormalizedContainer);
        using var content = new MemoryStream("customer_id,city\nA,Leeds\n"u8.ToArray());
        var blob = await new DropZone(Host.Storage, StorageNames.CustomersContainer).UploadAsync("doomed-crm.csv", content, CancellationToken.None);

        var batch = await Host.WaitForBatchAsync(blob, status: "poison");

        Assert.Equal(("profiles", 5), (batch.GetProperty("kind").GetString(), batch.GetProperty("attempts").GetInt32()));
        var poison = await ReceivePoisonMessageAsync();
        Assert.Equal(("Segments.IngestProfiles", "doomed-crm.csv", "customers"), (poison.GetProperty("FunctionId").GetString(), poison.GetProperty("BlobName").GetString(), poison.GetProperty("ContainerName").GetString()));
        var receipt = Host.Storage.Blobs.GetBlobContainerClient(StorageNames.HostsContainer)
            .GetBlobClient($"blobreceipts/segments-test/Segments.IngestProfiles/{blob.ETag}/customers/doomed-crm.csv");
        // The receipt is written last, after the poison message.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await receipt.ExistsAsync()).Value)
        {
            Assert.True(DateTime.UtcNow < deadline, "the poisoned version got no receipt within 30 s");
            await Task.Delay(200);
        }
    }

    // The trigger records the poison status on the ledger row first, then sends the message, then writes the
    // receipt, so a test that saw the status may read the queue a moment before the message is there.
    private async Task<JsonElement> ReceivePoisonMessageAsync()
    {
        var queue = Host.Storage.Queues.GetQueueClient(StorageNames.PoisonQueue);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var message = (await queue.ReceiveMessageAsync()).Value;
            if (message is not null)
            {
                return JsonDocument.Parse(message.Body.ToString()).RootElement;
            }

            Assert.True(DateTime.UtcNow < deadline, "no message reached the poison queue within 30 s");
            await Task.Delay(200);
        }
    }
}
