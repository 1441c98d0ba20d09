using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;

namespace Segments.Pipeline.Ingest;

/// <summary>
/// What one kind of export is, as the one ingest pipeline sees it: where it is dropped, which ledger partition
/// records it, which function triggers on it and where its normalised batches and error reports go. The kind is the
/// one thing that varies; its parsing lives in an <see cref="IExportProcessing"/>.
/// </summary>
/// <param name="LedgerKind">The Batches ledger partition (<see cref="BatchKind"/>).</param>
/// <param name="Container">The drop zone the blob trigger watches (<c>{Container}/{name}</c>).</param>
/// <param name="FunctionName">The blob-triggered function's name in the Functions app; the local host prefixes <c>Segments.</c>.</param>
/// <param name="NormalizedPrefix">Folder of this kind's normalised batches in the <c>normalized</c> container.</param>
/// <param name="NormalizedSuffix">The normalised batch's file ending, which says its format.</param>
/// <param name="ErrorReportPrefix">Folder of this kind's error reports in <c>transactions-rejected</c>, so they never mix with another kind's of the same blob name.</param>
public sealed record ExportKind(
    string LedgerKind,
    string Container,
    string FunctionName,
    string NormalizedPrefix,
    string NormalizedSuffix,
    string ErrorReportPrefix)
{
    /// <summary>Order exports in <c>transactions</c>.</summary>
    public static ExportKind Orders { get; } = new(BatchKind.Transactions, StorageNames.TransactionsContainer, "IngestBatch", string.Empty, ".csv.gz", string.Empty);

    /// <summary>Customer (profile) exports in <c>customers</c>.</summary>
    public static ExportKind Profiles { get; } = new(BatchKind.Profiles, StorageNames.CustomersContainer, "IngestProfiles", "profiles/", ".csv.gz", ErrorReportStore.ProfileReportsPrefix);

    /// <summary>Behaviour-event exports (Segment spec JSON Lines, GA4 BigQuery rows) in <c>events</c>.</summary>
    public static ExportKind Events { get; } = new(BatchKind.Events, StorageNames.EventsContainer, "IngestEvents", "events/", ".jsonl.gz", ErrorReportStore.EventReportsPrefix);

    /// <summary>Every kind, in the order the local host scans them.</summary>
    public static IReadOnlyList<ExportKind> All { get; } = [Orders, Profiles, Events];

    /// <summary>
    /// The normalised batch's name for one blob version (<paramref name="versionKey"/>): the same on every attempt, so
    /// an attempt killed half-way (whose partly committed blob no ledger row names) is overwritten by the next one.
    /// </summary>
    public string NormalizedBatchName(string versionKey) => NormalizedPrefix + versionKey + NormalizedSuffix;

    /// <summary>The error report's name for a blob of this kind.</summary>
    public string ErrorReportName(string blobName) => ErrorReportPrefix + ErrorReportStore.ReportNameFor(blobName);
}
