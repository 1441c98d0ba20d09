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

    /// <summary>Store configuration: export mappings under <c>mappings/</c>, rule segments in <c>segments.json</c>.</summary>
    public const string ConfigContainer = "config";

    /// <summary>Receipts and locks, named as the Functions host names its own.</summary>
    public const string HostsContainer = "azure-webjobs-hosts";

    /// <summary>One row per ingested blob.</summary>
    public const string BatchesTable = "Batches";

    /// <summary>One row per recompute, plus the active-run pointer.</summary>
    public const string RunsTable = "Runs";

    /// <summary>Recompute requests, from the timer and from <c>POST /api/runs</c>.</summary>
    public const string RunRequestsQueue = "recompute-requests";

    /// <summary>Blobs that failed ingestion five times, as the Functions blob trigger names its poison queue.</summary>
    public const string PoisonQueue = "webjobs-blobtrigger-poison";

    /// <summary>Every container the product needs.</summary>
    public static IReadOnlyList<string> Containers { get; } = [TransactionsContainer, CustomersContainer, EventsContainer, RejectedContainer, NormalizedContainer, ConfigContainer, HostsContainer];

    /// <summary>Every fixed table (generation tables are created per run).</summary>
    public static IReadOnlyList<string> Tables { get; } = [BatchesTable, RunsTable];

    /// <summary>Every queue.</summary>
    public static IReadOnlyList<string> Queues { get; } = [RunRequestsQueue, PoisonQueue];
}
