using Segments.Core.Ingest;
using Segments.Host.Api;
using Segments.Host.Configuration;
using Segments.Host.Triggers;
using Segments.Pipeline.Configuration;
using Segments.Storage.Account;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddLocalSettings(builder.Environment.ContentRootPath);
builder.Logging.AddSimpleConsole(options =>
{
    options.SingleLine = true;
    options.TimestampFormat = "HH:mm:ss ";
});

builder.Services.Configure<SegmentsOptions>(builder.Configuration.GetSection(SegmentsOptions.Section));
builder.Services.Configure<IngestOptions>(builder.Configuration.GetSection(SegmentsOptions.IngestSection));
builder.Services.Configure<Segments.Core.Segmentation.PredictionOptions>(builder.Configuration.GetSection(SegmentsOptions.PredictionsSection));
builder.Services.Configure<Segments.Core.Experiments.ExperimentOptions>(builder.Configuration.GetSection(SegmentsOptions.ExperimentsSection));
builder.Services.AddSegmentsPipeline(sp => sp.GetRequiredService<IConfiguration>().RequiredStorageConnection());
builder.Services.AddHostedService<BlobTriggerListener>();
builder.Services.AddHostedService<RecomputeTimer>();
builder.Services.AddHostedService<RunRequestListener>();
builder.Services.AddHostedService<StrandedRunWatch>();
builder.Services.AddSingleton<ApiKeyRing>();
builder.Services.AddApiReference();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

var app = builder.Build();

var segments = app.Configuration.GetSection(SegmentsOptions.Section).Get<SegmentsOptions>() ?? new SegmentsOptions();
if (NcrontabSchedule.Parse(segments.Schedule).Problem is { } scheduleProblem)
{
    await Console.Error.WriteLineAsync($"Segments host cannot start: {scheduleProblem} (setting Segments:Schedule)").ConfigureAwait(false);
    return 1;
}

if (segments.InstanceMemoryMb <= 0)
{
    await Console.Error.WriteLineAsync($"Segments host cannot start: Segments:InstanceMemoryMb is {segments.InstanceMemoryMb}; give the app's instance memory in MB (512, 2048 or 4096).").ConfigureAwait(false);
    return 1;
}

if (app.Configuration.StorageConnection().Problem is { } storageProblem)
{
    await Console.Error.WriteLineAsync($"Segments host cannot start: {storageProblem}").ConfigureAwait(false);
    return 1;
}

try
{
    await app.Services.GetRequiredService<StorageAccount>().EnsureReadyAsync(app.Lifetime.ApplicationStopping).ConfigureAwait(false);
}
catch (StorageUnavailableException ex)
{
    await Console.Error.WriteLineAsync($"Segments host cannot start: {ex.Message}").ConfigureAwait(false);
    return 1;
}

app.UseApiReferencePage();
app.UseRouting();
app.UseMiddleware<ApiKeyMiddleware>();

var api = app.MapGroup("/api");
api.MapHealthApi();
api.MapCustomerApi();
api.MapSegmentApi();
api.MapSegmentProfileApi();
api.MapRunApi();
api.MapBatchApi();
api.MapDashboardApi();
app.MapApiReference();

await app.RunAsync().ConfigureAwait(false);
return 0;

/// <summary>The local host; public so that integration tests can start it in-process.</summary>
public partial class Program;
