using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Segments.Pipeline.Api;
using Segments.Pipeline.Cost;
using Segments.Pipeline.Ingest;
using Segments.Pipeline.Queries;
using Segments.Pipeline.Recompute;
using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;
using Segments.Storage.Generations;
using Segments.Storage.Queues;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Configuration;

/// <summary>Registers the handlers and their storage adapters; shared by every host.</summary>
public static class PipelineServices
{
    /// <summary>Adds the pipeline for the storage account behind <paramref name="connectionString"/>.</summary>
    public static IServiceCollection AddSegmentsPipeline(this IServiceCollection services, string connectionString) =>
        services.AddSegmentsPipeline(_ => StorageConnectionSettings.FromConnectionString(connectionString));

    /// <summary>Adds the pipeline for the storage account <paramref name="storage"/> names (connection string or identity).</summary>
    public static IServiceCollection AddSegmentsPipeline(this IServiceCollection services, StorageConnectionSettings storage) =>
        services.AddSegmentsPipeline(_ => storage);

    /// <summary>
    /// Adds the pipeline, reading the connection string when the storage clients are first needed, so
    /// that configuration added after registration (test hosts, late sources) is honoured.
    /// </summary>
    public static IServiceCollection AddSegmentsPipeline(this IServiceCollection services, Func<IServiceProvider, string> connectionString) =>
        services.AddSegmentsPipeline(sp => StorageConnectionSettings.FromConnectionString(connectionString(sp)));

    /// <summary>
    /// Adds the pipeline, reading the storage settings when the storage clients are first needed, so
    /// that configuration added after registration (test hosts, late sources) is honoured.
    /// </summary>
    public static IServiceCollection AddSegmentsPipeline(this IServiceCollection services, Func<IServiceProvider, StorageConnectionSettings> storage)
    {
        services.TryAddSingleton(TimeProvider.System);

        // Options every handler reads; a host binds them from configuration, otherwise the defaults apply.
        services.AddOptions<SegmentsOptions>();
        services.AddOptions<Core.Ingest.IngestOptions>();
        services.AddOptions<Core.Segmentation.PredictionOptions>();
        services.AddOptions<Core.Experiments.ExperimentOptions>();
        services.AddSingleton(sp => storage(sp).Connect());
        services.AddSingleton<BatchLedger>();
        services.AddSingleton<RunLedger>();
        services.AddSingleton<GenerationStore>();
        services.AddSingleton<GenerationSegmentReader>();
        services.AddSingleton<DropZone>();
        services.AddSingleton<NormalizedBatchStore>();
        services.AddSingleton<ErrorReportStore>();
        services.AddSingleton<ConfigStore>();
        services.AddSingleton<CostAccounting>();
        services.AddSingleton<RunRequestQueue>();
        services.AddSingleton<PoisonQueue>();
        services.AddSingleton(sp => new RunLease(sp.GetRequiredService<StorageAccount>(), sp.GetRequiredService<IOptions<SegmentsOptions>>().Value.HostId));
        // One ingest pipeline; each export kind adds its processing here (orders, customer profiles, behaviour events).
        services.AddSingleton<IExportProcessing, OrderExportProcessing>();
        services.AddSingleton<IExportProcessing, ProfileExportProcessing>();
        services.AddSingleton<IExportProcessing, EventExportProcessing>();
        services.AddSingleton(sp => new ExportIngestHandlers(
            sp.GetServices<IExportProcessing>(),
            sp.GetRequiredService<StorageAccount>(),
            sp.GetRequiredService<BatchLedger>(),
            sp.GetRequiredService<NormalizedBatchStore>(),
            sp.GetRequiredService<ErrorReportStore>(),
            sp.GetRequiredService<CostAccounting>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RuleSegmentLoader>();
        services.AddSingleton<StrandedRuns>();
        services.AddSingleton<Storage.State.BucketStateStore>();
        services.AddSingleton(sp => new State.BucketStateMerger(
            sp.GetRequiredService<Storage.State.BucketStateStore>(),
            sp.GetRequiredService<NormalizedBatchStore>(),
            sp.GetRequiredService<TimeProvider>())
        {
            BucketCount = StateBucketCountOf(sp.GetRequiredService<IOptions<SegmentsOptions>>().Value),
        });
        services.AddSingleton<State.RunStateReader>();
        services.AddSingleton<Scale.RunWorkBlobs>();
        services.AddSingleton<Scale.BucketWork>();
        services.AddSingleton<Scale.BucketedRun>();
        services.AddSingleton<Scale.BucketWorkQueue>();
        services.AddSingleton<Scale.BucketProgressTable>();
        services.AddSingleton<Scale.BucketWorkHandler>();
        services.AddSingleton<RecomputeSegmentsHandler>();
        services.AddSingleton<RunRequests>();
        services.AddSingleton<SegmentQueries>();
        services.AddSingleton<SegmentsApi>();
        services.AddSingleton<Dashboard.DashboardQuery>();
        services.AddSingleton<SegmentProfileStore>();
        services.AddSingleton<ExperimentLoader>();
        services.AddSingleton<RunInsights>();
        services.AddSingleton<SegmentProfileQueries>();
        services.AddOptions<RecommendationSettings>();
        services.AddSingleton<Storage.Recommendations.RecommendationStore>();
        services.AddSingleton<Recompute.RunRecommendations>();
        services.AddSingleton<Queries.RecommendationQueries>();
        services.AddSingleton<RecommendationsApi>();
        services.AddSingleton<ActiveRunCache>();
        services.AddSingleton<CustomerCache>();
        services.AddSingleton<PageTokenCodec>();
        services.AddSingleton<SegmentCatalog>();
        services.AddSingleton<CustomerLookupsApi>();
        services.AddSingleton<SegmentMembersApi>();
        services.AddSingleton<PredictionsApi>();
        services.AddSingleton<ApiRequestGuard>();
        services.AddSingleton<Tracking.WriteKeyRing>();
        services.AddSingleton<TrackedEventsStore>();
        services.AddSingleton<Tracking.TrackingApi>();
        services.AddSegmentsDelivery(storage);
        return services;
    }

    private static int StateBucketCountOf(SegmentsOptions options) =>
        options.StateBucketCount is >= 1 and <= SegmentsOptions.MaxStateBucketCount
            ? options.StateBucketCount
            : throw new OptionsValidationException(
                nameof(SegmentsOptions.StateBucketCount),
                typeof(SegmentsOptions),
                [$"Segments:StateBucketCount must be 1 to {SegmentsOptions.MaxStateBucketCount}, not {options.StateBucketCount}"]);
}
