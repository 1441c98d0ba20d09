namespace Segments.Integration.Tests.Fixtures;

/// <summary>
/// An Azurite of its own that keeps its data on disk, so that a test can stop it (an outage) and start it again
/// with everything still there. A class fixture of the fault tests, which stop it or kill hosts on it: nothing
/// else may talk to it while storage is down, and no test sees another's leftovers.
/// </summary>
public sealed class RestartableAzuriteFixture : AzuriteFixture
{
    private readonly string _location;

    /// <summary>An Azurite with its data in a new temporary folder.</summary>
    public RestartableAzuriteFixture()
        : this(Path.Combine(Path.GetTempPath(), $"azurite-data-{Guid.NewGuid():N}"))
    {
    }

    private RestartableAzuriteFixture(string location)
        : base(null, location)
    {
        _location = location;
    }

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_location))
        {
            Directory.Delete(_location, recursive: true);
        }
    }
}
