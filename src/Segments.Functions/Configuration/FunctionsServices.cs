using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Segments.Core.Ingest;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Logging;

namespace Segments.Functions.Configuration;

/// <summary>
/// Everything the app registers besides the worker's own services: Program.cs calls it, and the in-process tests
/// (tests/Segments.Functions.Tests) call it too, so a service a function needs and nobody registered fails a test
/// rather than the first invocation in Azure.
/// </summary>
public static class FunctionsServices
{
    /// <summary>Binds the <c>Segments</c> settings and adds the pipeline on the <c>AzureWebJobsStorage</c> account.</summary>
    public static IServiceCollection Add(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SegmentsOptions>(configuration.GetSection(SegmentsOptions.Section));
        services.Configure<IngestOptions>(configuration.GetSection(SegmentsOptions.IngestSection));
        services.Configure<Core.Segmentation.PredictionOptions>(configuration.GetSection(SegmentsOptions.PredictionsSection));
        services.Configure<RecommendationSettings>(configuration.GetSection(RecommendationSettings.Section));
        services.Configure<Core.Experiments.ExperimentOptions>(configuration.GetSection(SegmentsOptions.ExperimentsSection));
        services.AddSegmentsPipeline(StorageConnection.From(configuration));

        // Runs left `running` by a worker that died are failed within a minute (no function: a background check).
        services.AddHostedService<Recompute.StrandedRunWatch>();

        // Last, so that it wraps every log provider registered before it: no key reaches a log.
        return services.AddSecretRedaction();
    }
}
