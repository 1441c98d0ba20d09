namespace Segments.Integration.Tests.Fixtures;

/// <summary>
/// Each test starts from an empty storage account and a fresh in-process host on the collection's Azurite.
/// </summary>
[Collection(AzuriteCollection.Name)]
public abstract class HostTestBase(AzuriteFixture azurite) : IAsyncLifetime
{
    private SegmentsHostFactory? _factory;

    /// <summary>The collection's Azurite.</summary>
    protected AzuriteFixture Azurite { get; } = azurite;

    /// <summary>Drives the host under test.</summary>
    protected HostDriver Host { get; private set; } = null!;

    /// <summary>Settings a test class adds to (or overrides in) the host's configuration.</summary>
    protected virtual IReadOnlyDictionary<string, string>? HostSettings => null;

    /// <summary>A logger provider that receives the host's log output, for tests that read it.</summary>
    protected virtual Microsoft.Extensions.Logging.ILoggerProvider? HostLogs => null;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Azurite.ResetAsync();
        _factory = new SegmentsHostFactory(Azurite.ConnectionString, HostSettings, HostLogs);
        Host = new HostDriver(_factory, Azurite.ConnectionString);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Host?.Http.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
