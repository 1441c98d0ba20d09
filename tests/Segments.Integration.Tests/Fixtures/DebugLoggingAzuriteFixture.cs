namespace Segments.Integration.Tests.Fixtures;

/// <summary>
/// An Azurite of its own that writes its debug log, so that a test can count the requests it served. Only the
/// tests that count requests use it: the log slows every request a little, and nothing else may talk to it
/// while they count.
/// </summary>
public sealed class DebugLoggingAzuriteFixture() : AzuriteFixture(Path.Combine(Path.GetTempPath(), $"azurite-debug-{Guid.NewGuid():N}.log"))
{
    private AzuriteDebugLog? _log;

    /// <summary>The debug log, for counting served requests between two marks.</summary>
    public AzuriteDebugLog DebugLog => _log ??= new AzuriteDebugLog(DebugLogPath!, BlobPort);

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(DebugLogPath!);
    }
}

/// <summary>Tests that count requests against <see cref="DebugLoggingAzuriteFixture"/>, one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DebugLoggingAzuriteCollection : ICollectionFixture<DebugLoggingAzuriteFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Azurite with debug log";
}
