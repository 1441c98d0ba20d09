using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Segments.Core.Ingest;
using Segments.Functions.Configuration;
using Segments.Pipeline.Configuration;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

builder.Services.Configure<SegmentsOptions>(builder.Configuration.GetSection(SegmentsOptions.Section));
builder.Services.Configure<IngestOptions>(builder.Configuration.GetSection(SegmentsOptions.IngestSection));
builder.Services.Configure<Segments.Core.Segmentation.PredictionOptions>(builder.Configuration.GetSection(SegmentsOptions.PredictionsSection));
builder.Services.Configure<Segments.Core.Experiments.ExperimentOptions>(builder.Configuration.GetSection(SegmentsOptions.ExperimentsSection));

// Enum values (e.g. lifecycle threshold source) as names, as the local host writes them.
builder.Services.Configure<JsonOptions>(options => options.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddSegmentsPipeline(StorageConnection.From(builder.Configuration));
builder.Services.AddHostedService<Segments.Functions.Recompute.StrandedRunWatch>();

builder.Build().Run();
