using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Segments.Integration.Tests.Fixtures;

/// <summary>The local host, in process, against a test Azurite, with a one-second blob poll.</summary>
public sealed class SegmentsHostFactory(string connectionString) : WebApplicationFactory<Program>
{
    /// <summary>The admin key the test host accepts.</summary>
    public const string AdminKey = "test-admin-key";

    /// <summary>The key of the A/B control-group hash in the test host.</summary>
    public const string ExperimentHashKey = "test-experiment-key";

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AzureWebJobsStorage", connectionString);
        builder.UseSetting("Segments:AdminKey", AdminKey);
        builder.UseSetting("Segments:PollIntervalSeconds", "1");
        builder.UseSetting("Segments:HostId", "segments-test");
        builder.UseSetting("Segments:Experiments:HashKey", ExperimentHashKey);
    }
}
