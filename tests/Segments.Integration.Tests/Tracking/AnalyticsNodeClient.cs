using System.Diagnostics;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Tracking;

/// <summary>
/// Runs <c>send-with-analytics-node.cjs</c>: the real npm <c>@segment/analytics-node</c> client (pinned in the root
/// package.json, installed by <c>npm ci</c>) sending calls to a host's <c>/api/v1/batch</c>.
/// </summary>
public static class AnalyticsNodeClient
{
    /// <summary>What the client reported: the status of each request it made, the size of each batch, its errors.</summary>
    public sealed record Report(IReadOnlyList<int> Statuses, IReadOnlyList<int> BatchSizes, IReadOnlyList<string> Errors, string Stderr);

    /// <summary>The client's package version, as installed.</summary>
    public static string InstalledVersion()
    {
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "node_modules", "@segment", "analytics-node", "package.json")));
        return package.RootElement.GetProperty("version").GetString()!;
    }

    /// <summary>Sends <paramref name="calls"/> (each <c>{"call":"track","params":{...}}</c>) to <paramref name="host"/> with <paramref name="writeKey"/>, <paramref name="flushAt"/> messages a batch.</summary>
    public static async Task<Report> SendAsync(Uri host, string writeKey, IReadOnlyList<object> calls, int flushAt)
    {
        var callsFile = Path.Combine(Path.GetTempPath(), $"segments-analytics-node-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(callsFile, JsonSerializer.Serialize(calls));
        try
        {
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = RepositoryPaths.Root,
                ArgumentList = { Path.Combine(RepositoryPaths.Root, "tests", "Segments.Integration.Tests", "Tracking", "send-with-analytics-node.cjs"), callsFile },
            };
            start.Environment["SEGMENTS_TRACKING_HOST"] = host.ToString().TrimEnd('/');
            start.Environment["SEGMENTS_WRITE_KEY"] = writeKey;
            start.Environment["SEGMENTS_FLUSH_AT"] = flushAt.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var result = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(2));
            Assert.True(result.ExitCode == 0, $"analytics-node exited with {result.ExitCode}:\n{result.Stdout}\n{result.Stderr}");
            using var report = JsonDocument.Parse(result.Stdout.Trim());
            var root = report.RootElement;
            return new Report(
                [.. root.GetProperty("statuses").EnumerateArray().Select(s => s.GetInt32())],
                [.. root.GetProperty("batchSizes").EnumerateArray().Select(s => s.GetInt32())],
                [.. root.GetProperty("errors").EnumerateArray().Select(s => s.GetString()!)],
                result.Stderr);
        }
        finally
        {
            File.Delete(callsFile);
        }
    }
}
