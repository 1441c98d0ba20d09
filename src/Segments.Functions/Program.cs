using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Segments.Functions.Configuration;
using Segments.Pipeline.Configuration;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

builder.Services.Configure<SegmentsOptions>(builder.Configuration.GetSection(SegmentsOptions.Section));
builder.Services.AddSegmentsPipeline(StorageConnection.From(builder.Configuration));

builder.Build().Run();
