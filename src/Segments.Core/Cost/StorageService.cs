namespace Segments.Core.Cost;

/// <summary>The Azure Storage service a request went to; each has its own price list.</summary>
public enum StorageService
{
    /// <summary>Blob Storage (exports, normalised batches, config, locks and receipts).</summary>
    Blob,

    /// <summary>Table Storage (ledgers and generations).</summary>
    Table,

    /// <summary>Queue Storage (run requests, poison messages).</summary>
    Queue,
}
