namespace Segments.Storage.Account;

/// <summary>The containers, tables and queues the product uses; one place so that infra/ and code agree.</summary>
public static class StorageNames
{
    /// <summary>Drop zone for shop exports (the blob trigger's path is <c>transactions/{name}</c>).</summary>
    public const string TransactionsContainer = "transactions";

    /// <summary>Drop zone for customer (profile) exports from a CRM or shop (the blob trigger's path is <c>customers/{name}</c>).</summary>
    public const string CustomersContainer = "customers";

    /// <summary>
    /// Drop zone for behaviour-event exports (Segment/RudderStack JSON Lines, GA4 BigQuery rows) and for the messages
    /// the Segment-compatible tracking API accepts (the blob trigger's path is <c>events/{name}</c>).
    /// </summary>
    public const string EventsContainer = "events";

    /// <summary>Line-level error reports, <c>{blob name}.errors.jsonl</c>.</summary>
    public const string RejectedContainer = "transactions-rejected";

    /// <summary>One compact normalised copy of every accepted batch.</summary>
    public const string NormalizedContainer = "normalized";

    /// <summary>
    /// The runs' state between runs: per store and format version, each customer bucket's order lines after replacement
    /// (Parquet), the order-id index and the manifest, <c>{store}/v{N}/bucket={b:D4}/orders-{write}.parquet</c>.
    /// </summary>
    public const string StateContainer = "state";

    /// <summary>Store configuration: export mappings under <c>mappings/</c>, rule segments in <c>segments.json</c>.</summary>
    public const string ConfigContainer = "config";

    /// <summary>The outbox's payloads: each delivery's CloudEvents batch, <c>{destination}/{runId}/{batch}.json</c>, written by the run.</summary>
    public const string OutboxContainer = "outbox";

    /// <summary>Audience files of <c>audience-files</c> destinations: <c>{destination}/{runId}/</c> member and add/remove CSVs per segment, and a manifest.</summary>
    public const string AudiencesContainer = "audiences";

    /// <summary>Receipts and locks, named as the Functions host names its own.</summary>
    public const string HostsContainer = "azure-webjobs-hosts";

    /// <summary>One row per ingested blob.</summary>
    public const string BatchesTable = "Batches";

    /// <summary>One row per recompute, plus the active-run pointer.</summary>
    public const string RunsTable = "Runs";

    /// <summary>The outbox's ledger: one row per (destination, run, batch) with its status, and each destination's pause.</summary>
    public const string DeliveriesTable = "Deliveries";

    /// <summary>The outbox queue: one message per delivery the run wrote, taken by the queue-triggered sender.</summary>
    public const string DeliveriesQueue = "destination-deliveries";

    /// <summary>A bucketed run's progress: partition = run id, one row per (pass, customer bucket) done or failed, naming who did it.</summary>
    public const string BucketProgressTable = "BucketProgress";

    /// <summary>A bucketed run's work items, one per (pass, customer bucket), taken by the queue-triggered bucket worker in every instance.</summary>
    public const string BucketWorkQueue = "bucket-work";

    /// <summary>Recompute requests, from the timer and from <c>POST /api/runs</c>.</summary>
    public const string RunRequestsQueue = "recompute-requests";

    /// <summary>Blobs that failed ingestion five times, as the Functions blob trigger names its poison queue.</summary>
    public const string PoisonQueue = "webjobs-blobtrigger-poison";

    /// <summary>Every container the product needs.</summary>
    public static IReadOnlyList<string> Containers { get; } = [TransactionsContainer, CustomersContainer, EventsContainer, RejectedContainer, NormalizedContainer, ConfigContainer, HostsContainer, OutboxContainer, AudiencesContainer, StateContainer];

    /// <summary>Every fixed table (generation tables are created per run).</summary>
    public static IReadOnlyList<string> Tables { get; } = [BatchesTable, RunsTable, DeliveriesTable, BucketProgressTable];

    /// <summary>Every queue.</summary>
    public static IReadOnlyList<string> Queues { get; } = [RunRequestsQueue, PoisonQueue, DeliveriesQueue, BucketWorkQueue];
}
