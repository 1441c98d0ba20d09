extern alias functions;

using functions::Segments.Functions.Configuration;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Functions.Tests.Fixtures;

/// <summary>
/// The Functions app's services, built as its Program.cs builds them (the worker's builder, the ASP.NET Core
/// integration, then <see cref="FunctionsServices.Add"/>) but never run: the tests invoke the functions
/// themselves. Settings are those <see cref="SegmentsHostFactory"/> gives the local host, so that both read and
/// sign alike on one Azurite account.
/// </summary>
public sealed class FunctionsApp : IDisposable
{
    /// <summary>The schedule setting the timer trigger's <c>%Segments:Schedule%</c> names.</summary>
    public const string Schedule = "0 0 2 * * *";

    private readonly IHost _host;

    /// <summary>Builds the app on <paramref name="connectionString"/>; <paramref name="services"/> may change the registrations (tests of a missing one).</summary>
    public FunctionsApp(string connectionString, ILoggerProvider? logs = null, Action<IServiceCollection>? services = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(Settings(connectionString));
        builder.ConfigureFunctionsWebApplication();
        FunctionsServices.Add(builder.Services, builder.Configuration);
        if (logs is not null)
        {
            builder.Services.AddSingleton(logs);
        }

        services?.Invoke(builder.Services);
        _host = builder.Build();
    }

    /// <summary>The built service provider (the worker's root provider).</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The settings the tests give the app: the local test host's, plus the timer's schedule.</summary>
    public static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["AzureWebJobsStorage"] = connectionString,
        ["Segments:AdminKey"] = SegmentsHostFactory.AdminKey,
        ["Segments:FunctionKey"] = SegmentsHostFactory.FunctionKey,
        ["Segments:WriteKeys:test"] = SegmentsHostFactory.WriteKey,
        ["Segments:ActiveRunCacheSeconds"] = "0",
        ["Segments:HostId"] = "segments-test",
        ["Segments:Experiments:HashKey"] = SegmentsHostFactory.ExperimentHashKey,
        ["Segments:Schedule"] = Schedule,
    };

    /// <summary>
    /// An instance of a function class, created as the worker's default activator creates it: through
    /// <see cref="ActivatorUtilities"/> from the invocation's scope (classes are not registered, their
    /// constructor's dependencies are), so a dependency nobody registered throws here as it would in Azure.
    /// </summary>
    public static object Activate(Type functionClass, IServiceProvider invocationServices) =>
        ActivatorUtilities.CreateInstance(invocationServices, functionClass);

    /// <inheritdoc />
    public void Dispose() => _host.Dispose();
}
