using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Segments.Functions.Api;
using Segments.Functions.Configuration;
using Segments.Pipeline.Configuration;
using Segments.Storage.Account;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// The local host's start-up checks, with its one-line messages: a bad schedule or instance memory, or unusable
// storage settings, stop the worker before the runtime indexes a timer it cannot run.
if (FunctionsStartup.Problem(builder.Configuration) is { } problem)
{
    await Console.Error.WriteLineAsync(StartupSettings.CannotStart + problem).ConfigureAwait(false);
    return 1;
}

FunctionsServices.Add(builder.Services, builder.Configuration);

// Storage outages, body limits and unexpected errors answered in the one error shape, as the local host does.
builder.UseMiddleware<ApiGuardWorkerMiddleware>();

using var app = builder.Build();

// Containers, tables and queues are created as the local host creates them, so the app runs on a fresh account.
try
{
    await app.Services.GetRequiredService<StorageAccount>().EnsureReadyAsync(CancellationToken.None).ConfigureAwait(false);
}
catch (StorageUnavailableException ex)
{
    await Console.Error.WriteLineAsync(StartupSettings.CannotStart + ex.Message).ConfigureAwait(false);
    return 1;
}

await app.RunAsync().ConfigureAwait(false);
return 0;
