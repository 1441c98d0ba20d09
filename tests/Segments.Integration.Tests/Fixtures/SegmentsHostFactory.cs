using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Segments.Integration.Tests.Fixtures;

/// <summary>
/// The local host, in process, against a test Azurite, with a one-second blob poll. Lookups read the
/// active-run pointer on every request (cache 0 s) unless a test sets <c>Segments:ActiveRunCacheSeconds</c>,
/// so tests that run and then look up see the new run at once.
/// </summary>
public sealed class SegmentsHostFactory(string connectionString, IReadOnlyDictionary<string, string>? settings = null, ILoggerProvider? logs = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The admin key the test host accepts.</summary>
    public const string AdminKey = "test-admin-key";

    /// <summary>The key of the A/B control-group hash in the test host.</summary>
    public const string ExperimentHashKey = "test-experiment-key";

    /// <summary>The function key the test host accepts, and that <see cref="HostDriver.Http"/> sends.</summary>
    public const string FunctionKey = "test-function-key";

    /// <summary>The tracking API's write key the test host accepts (<c>Segments:WriteKeys:test</c>).</summary>
    public const string WriteKey = "test-write-key";

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AzureWebJobsStorage", connectionString);
        builder.UseSetting("Segments:AdminKey", AdminKey);
        builder.UseSetting("Segments:FunctionKey", FunctionKey);
        builder.UseSetting("Segments:WriteKeys:test", WriteKey);
        builder.UseSetting("Segments:ActiveRunCacheSeconds", "0");
        builder.UseSetting("Segments:PollIntervalSeconds", "1");
        builder.UseSetting("Segments:HostId", "segments-test");
        builder.UseSetting("Segments:Experiments:HashKey", ExperimentHashKey);
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(name, value);
        }

        if (logs is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(logs));
        }
    }
}
