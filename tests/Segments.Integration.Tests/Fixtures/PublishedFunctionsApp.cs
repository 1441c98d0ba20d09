using System.Diagnostics;

namespace Segments.Integration.Tests.Fixtures;

/// <summary>
/// The Functions app as users deploy it: <c>dotnet publish src/Segments.Functions -c Release</c> into a temporary
/// folder, once per test collection (the folder that is zipped and deployed), deleted at the end.
/// </summary>
public sealed class PublishedFunctionsApp : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(8);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "segments-functions-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The publish output folder.</summary>
    public string Folder => Path.Combine(_root, "publish");

    /// <summary>A scratch folder for this collection's runtime copies, secrets and settings, deleted with the app.</summary>
    public string Scratch => Path.Combine(_root, "scratch");

    /// <summary>How long the publish took, for the test log.</summary>
    public TimeSpan PublishDuration { get; private set; }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Scratch);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            // No build server or node may outlive the publish (tests leave no processes behind).
            ArgumentList = { "publish", Path.Combine("src", "Segments.Functions"), "-c", "Release", "-o", Folder, "--nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false" },
        };
        // The test host runs under `dotnet test`, whose MSBuild variables would point a nested build at its own state.
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var clock = Stopwatch.StartNew();
        var result = await ChildProcess.RunAsync(start, PublishTimeout);
        PublishDuration = clock.Elapsed;
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish src/Segments.Functions -c Release failed ({result.ExitCode}):\n{result.Stdout}\n{result.Stderr}");
        }
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A runtime copy still being released is left to the temp folder's own cleaning.
        }

        return Task.CompletedTask;
    }
}
