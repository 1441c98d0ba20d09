using Segments.Core.Cost;

namespace Segments.Storage.Batches;

/// <summary>One row of the Batches ledger: what became of one uploaded blob.</summary>
public sealed record BatchRecord
{
    /// <summary>What the blob holds: <see cref="BatchKind.Transactions"/> (container <c>transactions</c>) <see cref="BatchKind.Profiles"/> (container <c>customers</c>) or <see cref="BatchKind.Events"/> (container <c>events</c>).</summary>
    public string Kind { get; init; } = BatchKind.Transactions;

    /// <summary>For a customer export: customers in it and the records of one customer that disagreed; null for order exports.</summary>
    public ProfileBatchSummary? Profiles { get; init; }

    /// <summary>Blob name inside its container.</summary>
    public required string BlobName { get; init; }

    /// <summary>ETag of the blob version that was read.</summary>
    public required string ETag { get; init; }

    /// <summary>SHA-256 of the blob's bytes, hex; empty until read.</summary>
    public string ContentHash { get; init; } = string.Empty;

    /// <summary>One of <see cref="BatchStatus"/>.</summary>
    public required string Status { get; init; }

    /// <summary>Why the batch is rejected, duplicate or failed.</summary>
    public string? Reason { get; init; }

    /// <summary>Export profile detected from the header.</summary>
    public string? Profile { get; init; }

    /// <summary>Container format read: csv, jsonl or whitespace, with +gzip when compressed.</summary>
    public string? Format { get; init; }

    /// <summary>
    /// When this content was first accepted. Orders in newer batches replace the same orders in older ones,
    /// and this is what "newer" means (an identical re-upload keeps the original time).
    /// </summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>Data rows read.</summary>
    public long RowsRead { get; init; }

    /// <summary>Rows that became transactions.</summary>
    public long RowsAccepted { get; init; }

    /// <summary>Rows deliberately not used (e.g. UCI rows without a customer).</summary>
    public long RowsSkipped { get; init; }

    /// <summary>Rows that could not be read; each is in the error report.</summary>
    public long RowsRejected { get; init; }

    /// <summary>
    /// The earliest order date (UTC day) in the accepted rows of an accepted order export, that is in its normalised
    /// copy; null for customer exports, for exports without accepted rows and for rows written before the ledger kept it.
    /// </summary>
    public DateOnly? FirstOrderDate { get; init; }

    /// <summary>The latest order date (UTC day) in the normalised copy, as <see cref="FirstOrderDate"/>.</summary>
    public DateOnly? LatestOrderDate { get; init; }

    /// <summary>Size of the blob in bytes.</summary>
    public long SizeBytes { get; init; }

    /// <summary>Name of the normalised copy in the <c>normalized</c> container, when accepted.</summary>
    public string? NormalizedBlob { get; init; }

    /// <summary>Name of the error report in <c>transactions-rejected</c>, when any row was rejected.</summary>
    public string? ErrorReportBlob { get; init; }

    /// <summary>Failed attempts so far.</summary>
    public int Attempts { get; init; }

    /// <summary>When ingestion of this version started.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When it ended, if it has.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Storage requests, bytes, wall time and peak memory of the ingestion (stage <c>ingest</c>); null for failed attempts.</summary>
    public UsageReport? Usage { get; init; }

    /// <summary>What <see cref="Usage"/> cost at the rates of <c>config/rates.json</c>; null for failed attempts.</summary>
    public CostBreakdown? CostUsd { get; init; }
}
