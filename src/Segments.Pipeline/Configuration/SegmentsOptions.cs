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
    /// Instance memory of the Flex Consumption app in MB (512, 2048 or 4096; infra's <c>instanceMemoryMB</c>).
    /// Execution time is billed for this memory, not for what the code uses, so costs are computed with it.
    /// </summary>
    public int InstanceMemoryMb { get; init; } = 2048;
}
