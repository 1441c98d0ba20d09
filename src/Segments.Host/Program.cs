using Segments.Core.Ingest;
using Segments.Host.Api;
using Segments.Host.Configuration;
using Segments.Host.Triggers;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Http;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Logging;
using Segments.Storage.Account;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddHostDefaults();
builder.Configuration.AddLocalSettings(builder.Environment.ContentRootPath);
builder.Logging.AddSimpleConsole(options =>
{
    options.SingleLine = true;
    options.TimestampFormat = "HH:mm:ss.fff ";
});

builder.Services.Configure<SegmentsOptions>(builder.Configuration.GetSection(SegmentsOptions.Section));
builder.Services.Configure<IngestOptions>(builder.Configuration.GetSection(SegmentsOptions.IngestSection));
builder.Services.Configure<Segments.Core.Segmentation.PredictionOptions>(builder.Configuration.GetSection(SegmentsOptions.PredictionsSection));
builder.Services.Configure<RecommendationSettings>(builder.Configuration.GetSection(RecommendationSettings.Section));
builder.Services.Configure<Segments.Core.Experiments.ExperimentOptions>(builder.Configuration.GetSection(SegmentsOptions.ExperimentsSection));
builder.Services.AddSegmentsPipeline(sp => sp.GetRequiredService<IConfiguration>().RequiredStorageConnection());
builder.Services.AddHostedService<BlobTriggerListener>();
builder.Services.AddHostedService<RecomputeTimer>();
builder.Services.AddHostedService<RunRequestListener>();
builder.Services.AddHostedService<StrandedRunWatch>();
builder.Services.AddHostedService<DeliveryListener>();
builder.Services.AddHostedService<BucketWorkListener>();
builder.Services.AddSingleton<ApiKeyRing>();
builder.Services.AddApiReference();
// The answers' JSON (ApiJson) for the OpenAPI document's schemas too: enums as names.
builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Apply(options.SerializerOptions));
builder.WebHost.ConfigureKestrel(kestrel => kestrel.RaiseLimitsAbove(ApiRequestGuard.MaxUrlChars, ApiRequestGuard.MaxHeaderBytes));

// Last, so that it wraps every log provider registered above: no key reaches a log.
builder.Services.AddSecretRedaction();

var app = builder.Build();

var segments = app.Configuration.GetSection(SegmentsOptions.Section).Get<SegmentsOptions>() ?? new SegmentsOptions();
if (StartupSettings.Problem(segments) is { } settingsProblem)
{
    await Console.Error.WriteLineAsync(StartupSettings.CannotStart + settingsProblem).ConfigureAwait(false);
    return 1;
}

if (app.Configuration.StorageConnection().Problem is { } storageProblem)
{
    await Console.Error.WriteLineAsync(StartupSettings.CannotStart + storageProblem).ConfigureAwait(false);
    return 1;
}

try
{
    await app.Services.GetRequiredService<StorageAccount>().EnsureReadyAsync(app.Lifetime.ApplicationStopping).ConfigureAwait(false);
}
catch (StorageUnavailableException ex)
{
    await Console.Error.WriteLineAsync(StartupSettings.CannotStart + ex.Message).ConfigureAwait(false);
    return 1;
}

// Answers the server gives without a handler (unknown route, wrong method) get the error shape too.
app.UseStatusCodePages(context => ServerErrors.For(context.HttpContext.Response.StatusCode, context.HttpContext.Request.Method, context.HttpContext.Request.Path.Value ?? string.Empty)
    .ToResult().ExecuteAsync(context.HttpContext));
app.UseMiddleware<ApiGuardMiddleware>();
app.UseApiReferencePage();
app.UseRouting();
app.UseMiddleware<ApiKeyMiddleware>();

var api = app.MapGroup("/api");
api.MapHealthApi();
api.MapCustomerApi();
api.MapSegmentApi();
api.MapSegmentProfileApi();
api.MapRecommendationApi();
api.MapRunApi();
api.MapPredictionApi();
api.MapBatchApi();
api.MapTrackingApi();
api.MapDashboardApi();
api.MapDestinationApi();
app.MapApiReference();

await app.RunAsync().ConfigureAwait(false);
return 0;

/// <summary>The local host; public so that integration tests can start it in-process.</summary>
public partial class Program;
