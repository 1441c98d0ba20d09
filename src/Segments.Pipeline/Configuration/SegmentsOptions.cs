namespace Segments.Pipeline.Configuration;

/// <summary>
/// Settings under <c>Segments</c> (environment: <c>Segments__Name</c>), read alike by the local host and
/// the Azure Functions adapter. The storage connection is the Functions setting family <c>AzureWebJobsStorage</c>
/// (see <see cref="StorageConnectionSettings"/>).
/// </summary>
public sealed record SegmentsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Segments";

    /// <summary>Section of the ingest rules (<see cref="Core.Ingest.IngestOptions"/>).</summary>
    public const string IngestSection = "Segments:Ingest";

    /// <summary>Section of the customer-base model settings (<see cref="Core.Segmentation.PredictionOptions"/>).</summary>
    public const string PredictionsSection = "Segments:Predictions";

    /// <summary>Section of the A/B control group settings (<see cref="Core.Experiments.ExperimentOptions"/>).</summary>
    public const string ExperimentsSection = "Segments:Experiments";

    /// <summary>Six-field NCRONTAB schedule of the recompute (second minute hour day month weekday); default 02:00 UTC daily.</summary>
    public string Schedule { get; init; } = "0 0 2 * * *";

    /// <summary>How often the local host scans <c>transactions</c> for new blobs.</summary>
    public int PollIntervalSeconds { get; init; } = 5;

    /// <summary>Names receipts and locks, as the Functions host id does; instances of one app share it.</summary>
    public string HostId { get; init; } = "segments-local";

    /// <summary>Admin key for <c>POST /api/runs</c> (header <c>x-functions-key</c> or query <c>code</c>).</summary>
    public string? AdminKey { get; init; }

    /// <summary>
    /// The function key every read route takes (header <c>x-functions-key</c> or query <c>code</c>), as the
    /// Functions host's default function key; the admin key works for reads too.
    /// </summary>
    public string? FunctionKey { get; init; }

    /// <summary>Further named function keys (<c>Segments:FunctionKeys:{name}</c>), e.g. one per client, so one can be revoked alone.</summary>
    public IReadOnlyDictionary<string, string> FunctionKeys { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Write keys of the Segment-compatible tracking API (<c>POST /api/v1/batch</c>, <c>track</c>, <c>identify</c>,
    /// <c>page</c> …), by name (<c>Segments:WriteKeys:{name}</c>): a sender authenticates with HTTP Basic, the key as
    /// user name, or with <c>writeKey</c> in the body, as Segment's SDKs do. Several keys, so that one can be
    /// rotated; none configured, and the tracking API refuses every request (401).
    /// </summary>
    public IReadOnlyDictionary<string, string> WriteKeys { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Seconds a lookup trusts its cached copy of the active-run pointer; a flip becomes visible to lookups
    /// within this time. 0 reads the pointer on every request.
    /// </summary>
    public int ActiveRunCacheSeconds { get; init; } = 5;

    /// <summary>Customer lookups kept in memory per instance (one entry per run and customer, the least recently used go first).</summary>
    public int CustomerCacheEntries { get; init; } = 100_000;

    /// <summary>
    /// Key that signs segment paging tokens so a tampered or foreign token is refused. When unset it is
    /// derived from <see cref="AdminKey"/> (the same on every instance of one app); without either, each
    /// process signs with a random key and tokens do not survive a restart.
    /// </summary>
    public string? PageTokenKey { get; init; }

    /// <summary>
    /// Seconds one storage operation of an HTTP request may take, every retry included (see
    /// <see cref="Storage.Account.StorageCallBudget"/>); past it the request answers 503 <c>StorageUnavailable</c>
    /// (or from memory, for lookups that can be) instead of waiting on an account that does not answer.
    /// </summary>
    public int StorageTimeoutSeconds { get; init; } = 10;

    /// <summary>
    /// Largest body of <c>POST /api/customers/lookup</c> in bytes (1,000 ids take well under 100 KB); a larger
    /// one is answered 413 <c>RequestTooLarge</c> without being read.
    /// </summary>
    public int MaxLookupBodyBytes { get; init; } = 256 * 1024;

    /// <summary>Largest body of every other request in bytes (<c>POST /api/runs</c> takes a few dozen); larger → 413.</summary>
    public int MaxRequestBodyBytes { get; init; } = 16 * 1024;

    /// <summary>
    /// How far past the newest order a run's as-of date may be, in days (default 366): a run as of 9999-12-31,
    /// or as of today for a shop whose data stopped over a year ago, scores every customer as long gone and
    /// fails instead, saying the latest order date. <c>POST /api/runs</c> refuses such an as-of up front when the Batches
    /// ledger records the order dates (<see cref="Recompute.RecordedOrderDates"/>), and one further than this past today.
    /// </summary>
    public int MaxAsOfDaysAfterLatestOrder { get; init; } = 366;

    /// <summary>
    /// The windows of the <c>behaviour:</c> segments (section <c>Segments:Behaviour</c>): <c>AbandonmentWindowDays</c>
    /// (default 7: cart and browse abandoners look at [D−7, D−1]) and <c>ProspectWindowDays</c> (default 30).
    /// </summary>
    public Core.Events.BehaviourSettings Behaviour { get; init; } = new();

    /// <summary>
    /// Whether runs read their order lines from the state kept between runs (<c>state</c> container: per customer
    /// bucket, merged with only the batches accepted since the last run), true by default; false reads every accepted
    /// batch again, as before the state existed. Both give the same segments.
    /// </summary>
    public bool ReadRunsFromState { get; init; } = true;

    /// <summary>
    /// Whether runs that read from the state score it bucket by bucket (issue 19, point 3), true by default: pass 1
    /// summarises each customer bucket's lines (dropping them), the summaries are merged and fitted, pass 2 ranks each
    /// bucket for the spend tiers, pass 3 scores each bucket and writes its generation rows; each pass holds one
    /// bucket's lines and customers at a time (<c>Pipeline/Scale/BucketWork</c>). A store with behaviour events is still
    /// scored from the whole population. Both give the same segments.
    /// </summary>
    public bool BucketedRuns { get; init; } = true;

    /// <summary>
    /// Customer buckets of the state and of a bucketed run (64 by default; 1 to <see cref="MaxStateBucketCount"/>): a
    /// bucket is what one work item holds in memory and one partition of the generation table. A bucket's memory follows
    /// its customers, so raise the count with the population: 64 keeps about 16,000 customers a bucket at a million
    /// customers; 640 keeps that at ten million. A change rebuilds the state at the next run, and every run records its
    /// own count, so lookups read each generation with the count it was written with.
    /// </summary>
    public int StateBucketCount { get; init; } = Storage.Account.CustomerBucket.DefaultCount;

    /// <summary>The largest <see cref="StateBucketCount"/>: the state's folders number buckets with four digits.</summary>
    public const int MaxStateBucketCount = 9999;

    /// <summary>
    /// Whether a bucketed run fans its passes out on the <c>bucket-work</c> queue (issue 19, point 4), false by default:
    /// the run enqueues a pass's items, the bucket worker of every instance (the queue trigger in Azure, a listener in
    /// the local host) does them and writes the progress table, and the run waits for every bucket before the next
    /// pass, and before flipping. Off: the run's own process does every item.
    /// </summary>
    public bool BucketWorkOnQueue { get; init; }

    /// <summary>
    /// Seconds at a time a bucket work item is kept hidden while the local host's worker does it (120 by default; extended
    /// every half of it for as long as the item takes): a worker that dies leaves its item to reappear after this long,
    /// for another instance to do.
    /// </summary>
    public int BucketWorkVisibilitySeconds { get; init; } = 120;

    /// <summary>
    /// Diagnostic, 0 (off) by default: seconds a run waits after writing its generation and before flipping
    /// the active pointer, so fault tests can kill a host or stop storage at that moment. Never set it in production.
    /// </summary>
    public int DiagnosticPauseBeforeFlipSeconds { get; init; }

    /// <summary>
    /// Instance memory of the Flex Consumption app in MB (512, 2048 or 4096; infra's <c>instanceMemoryMB</c>).
    /// Execution time is billed for this memory, not for what the code uses, so costs are computed with it.
    /// </summary>
    public int InstanceMemoryMb { get; init; } = 2048;

    /// <summary>How the sender retries a destination (<c>Segments:Delivery:*</c>): attempts, backoff and the per-attempt timeout.</summary>
    public Delivery.DeliveryOptions Delivery { get; init; } = new();
}
