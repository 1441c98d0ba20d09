using System.Text.Json;

namespace Segments.Bench.Ingest;

/// <summary>
/// Peak resident memory of the ingest path, measured in a fresh process that runs one ingest and reports
/// its own high-water mark (<c>VmHWM</c> in <c>/proc/self/status</c>): the whole process, runtime included.
/// </summary>
internal static class PeakMemory
{
    public const string ChildFlag = "--child-ingest";

    /// <summary>In the child: one ingest, then one JSON line with the run and the peak.</summary>
    public static async Task<int> RunChildAsync(string path)
    {
        var run = await IngestPath.RunAsync(path).ConfigureAwait(false);
        Console.WriteLine(JsonSerializer.Serialize(new ChildReport(run.Seconds, run.RowsRead, HighWaterMarkBytes())));
        return 0;
    }

    /// <summary>In the parent: starts the child on <paramref name="path"/> and reads its report.</summary>
    public static async Task<ChildReport> MeasureAsync(string path)
    {
        var (fileName, prefix) = ChildProcess.Self();
        var output = await ChildProcess.RunAsync(fileName, [.. prefix, ChildFlag, path]).ConfigureAwait(false);
        return JsonSerializer.Deserialize<ChildReport>(output.Trim().Split('\n')[^1])
            ?? throw new InvalidOperationException($"no report from the child: {output}");
    }

    private static long HighWaterMarkBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("/proc/self/status has no VmHWM (not Linux?)");
    }
}

/// <summary>What the child process reports.</summary>
internal sealed record ChildReport(double Seconds, long RowsRead, long PeakRssBytes);
