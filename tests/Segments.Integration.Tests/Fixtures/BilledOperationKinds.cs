using Segments.Core.Cost;

namespace Segments.Integration.Tests.Fixtures;

/// <summary>
/// The kind each REST operation is billed as, keyed by the operation names Azurite logs. Written from
/// Microsoft's "Map each REST operation to a price" (Blob Storage, standard general purpose v2) and
/// docs/cost.md (tables, queues), independently of the product's classifier, so that a test can check the
/// classifier against the operations the emulator actually served.
/// </summary>
public static class BilledOperationKinds
{
    private static readonly Dictionary<(StorageService, string), RequestKind> Kinds = new()
    {
        [(StorageService.Blob, "Service_ListContainersSegment")] = RequestKind.List,
        [(StorageService.Blob, "Container_Create")] = RequestKind.List,
        [(StorageService.Blob, "Container_ListBlobFlatSegment")] = RequestKind.List,
        [(StorageService.Blob, "Container_ListBlobHierarchySegment")] = RequestKind.List,
        [(StorageService.Blob, "Container_GetProperties")] = RequestKind.Other,
        [(StorageService.Blob, "Container_GetPropertiesWithHead")] = RequestKind.Other,
        [(StorageService.Blob, "Container_Delete")] = RequestKind.Delete,
        [(StorageService.Blob, "Blob_Download")] = RequestKind.Read,
        [(StorageService.Blob, "Blob_GetProperties")] = RequestKind.Other,
        [(StorageService.Blob, "Blob_SetMetadata")] = RequestKind.Other,
        [(StorageService.Blob, "Blob_Delete")] = RequestKind.Delete,
        [(StorageService.Blob, "Blob_AcquireLease")] = RequestKind.Other,
        [(StorageService.Blob, "Blob_RenewLease")] = RequestKind.Other,
        [(StorageService.Blob, "Blob_ReleaseLease")] = RequestKind.Other,
        [(StorageService.Blob, "BlockBlob_Upload")] = RequestKind.Write,
        [(StorageService.Blob, "BlockBlob_StageBlock")] = RequestKind.Write,
        [(StorageService.Blob, "BlockBlob_CommitBlockList")] = RequestKind.Write,
        [(StorageService.Blob, "BlockBlob_GetBlockList")] = RequestKind.Other,
        [(StorageService.Table, "Table_Query")] = RequestKind.List,
        [(StorageService.Table, "Table_Create")] = RequestKind.Write,
        [(StorageService.Table, "Table_Delete")] = RequestKind.Delete,
        [(StorageService.Table, "Table_Batch")] = RequestKind.Write,
        [(StorageService.Table, "Table_QueryEntities")] = RequestKind.List,
        [(StorageService.Table, "Table_QueryEntitiesWithPartitionAndRowKey")] = RequestKind.Read,
        [(StorageService.Table, "Table_InsertEntity")] = RequestKind.Write,
        [(StorageService.Table, "Table_UpdateEntity")] = RequestKind.Write,
        [(StorageService.Table, "Table_MergeEntity")] = RequestKind.Write,
        [(StorageService.Table, "Table_DeleteEntity")] = RequestKind.Delete,
        [(StorageService.Queue, "Queue_Create")] = RequestKind.Write,
        [(StorageService.Queue, "Queue_Delete")] = RequestKind.Delete,
        [(StorageService.Queue, "Messages_Enqueue")] = RequestKind.Write,
        [(StorageService.Queue, "Messages_Dequeue")] = RequestKind.Read,
        [(StorageService.Queue, "Messages_Peek")] = RequestKind.Read,
        [(StorageService.Queue, "MessageId_Delete")] = RequestKind.Delete,
        [(StorageService.Queue, "MessageId_Update")] = RequestKind.Write,
    };

    /// <summary>Tallies served requests by service and billed kind; an operation missing above fails loudly.</summary>
    public static StorageRequests Tally(IEnumerable<ServedRequest> served) =>
        served.Aggregate(StorageRequests.None, (sum, request) => sum.Add(request.Service, Kinds.TryGetValue((request.Service, request.Operation), out var kind)
            ? kind
            : throw new InvalidOperationException($"No billed kind is known for {request.Service} operation {request.Operation} ({request.Method} {request.Url}): add it from Microsoft's table.")));
}
