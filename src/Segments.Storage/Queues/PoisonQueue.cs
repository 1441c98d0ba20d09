using System.Text.Json;
using Azure.Storage.Queues;
using Segments.Storage.Account;

namespace Segments.Storage.Queues;

/// <summary>
/// Blobs set aside after repeated failures, in the message shape of the Functions blob trigger's
/// <c>webjobs-blobtrigger-poison</c> queue, plus the reason.
/// </summary>
public sealed class PoisonQueue(StorageAccount account)
{
    private readonly QueueClient _queue = account.Queues.GetQueueClient(StorageNames.PoisonQueue);

    /// <summary>Sets one blob version of <paramref name="containerName"/> aside.</summary>
    public Task SendAsync(string functionId, string blobName, string eTag, string reason, CancellationToken cancellationToken, string containerName = StorageNames.TransactionsContainer) =>
        _queue.SendMessageAsync(
            JsonSerializer.Serialize(new PoisonMessage("BlobTrigger", functionId, "BlockBlob", containerName, blobName, eTag, reason), StorageJsonContext.Default.PoisonMessage),
            cancellationToken);
}
