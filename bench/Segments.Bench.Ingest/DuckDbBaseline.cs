using System.Diagnostics;
using System.Text.Json;

namespace Segments.Bench.Ingest;

/// <summary>
/// DuckDB's <c>read_csv</c> of the same file, in the same run, through <c>bench/duckdb/read_csv.mjs</c>
/// (<c>@duckdb/node-api</c>, pinned in <c>bench/duckdb/package-lock.json</c>; the query is documented there).
/// One node process per file serves the runs one at a time, so DuckDB stays warm between them and its runs
/// can alternate with ours.
/// </summary>
internal sealed class DuckDbBaseline : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Process _node;

    private DuckDbBaseline(Process node) => _node = node;

    public static async Task EnsureInstalledAsync(string duckDbFolder)
    {
        if (!File.Exists(Path.Combine(duckDbFolder, "node_modules", "@duckdb", "node-api", "package.json")))
        {
            Console.WriteLine("installing @duckdb/node-api (npm ci in bench/duckdb) ...");
            await ChildProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], duckDbFolder).ConfigureAwait(false);
        }
    }

    public static DuckDbBaseline Start(string duckDbFolder, string path)
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { "read_csv.mjs", path, "--serve" },
            WorkingDirectory = duckDbFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        return new DuckDbBaseline(Process.Start(start) ?? throw new InvalidOperationException("could not start node"));
    }

    /// <summary>One timed query.</summary>
    public async Task<DuckDbReport> RunAsync()
    {
        await _node.StandardInput.WriteLineAsync("run").ConfigureAwait(false);
        await _node.StandardInput.FlushAsync().ConfigureAwait(false);
        var line = await _node.StandardOutput.ReadLineAsync().ConfigureAwait(false)
            ?? throw new InvalidOperationException($"read_csv.mjs ended without a report (exit code {(_node.HasExited ? _node.ExitCode : -1)})");
        return JsonSerializer.Deserialize<DuckDbReport>(line, Json) ?? throw new InvalidOperationException($"not a report: {line}");
    }

    public async ValueTask DisposeAsync()
    {
        _node.StandardInput.Close();
        await _node.WaitForExitAsync().ConfigureAwait(false);
        _node.Dispose();
    }
}

/// <summary>What <c>read_csv.mjs</c> prints.</summary>
internal sealed record DuckDbReport(string File, int Threads, string Version, IReadOnlyList<double> Runs, IReadOnlyList<double> CpuSeconds, long Rows, string Revenue, long MaxRssBytes);
