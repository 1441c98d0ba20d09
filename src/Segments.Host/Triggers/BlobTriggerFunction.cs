using Segments.Storage.Batches;
using Segments.Storage.Blobs;

namespace Segments.Host.Triggers;

/// <summary>One blob-triggered function of the local host: the container it watches and the handler it calls.</summary>
/// <param name="Name">Function name that receipts and poison messages carry.</param>
/// <param name="DropZone">The watched container.</param>
/// <param name="Receipts">The function's receipts for that container.</param>
/// <param name="IngestAsync">Ingests one blob version.</param>
/// <param name="RecordFailureAsync">Records a failed attempt (blob, error, max attempts); returns the ledger row, poison at the last attempt.</param>
internal sealed record BlobTriggerFunction(
    string Name,
    DropZone DropZone,
    BlobReceipts Receipts,
    Func<DroppedBlob, CancellationToken, Task> IngestAsync,
    Func<DroppedBlob, Exception, int, CancellationToken, Task<BatchRecord>> RecordFailureAsync);
