using System.Text.Json;

namespace Segments.Bench.Ingest;

/// <summary>
/// DuckDB's <c>read_csv</c> of the same file, in the same run, through <c>bench/duckdb/read_csv.mjs</c>
/// (<c>@duckdb/node-api</c>, pinned in <c>bench/duckdb/package-lock.json</c>; the query is documented there).
/// </summary>
internal static class DuckDbBaseline
{
    public static async Task EnsureInstalledAsync(string duckDbFolder)
    {
        if (!File.Exists(Path.Combine(duckDbFolder, "node_modules", "@duckdb", "node-api", "package.json")))
        {
            Console.WriteLine("installing @duckdb/node-api (npm ci in bench/duckdb) ...");
            await ChildProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], duckDbFolder).ConfigureAwait(false);
        }
    }

    public static async Task<DuckDbReport> RunAsync(string duckDbFolder, string path, int runs)
    {
        var output = await ChildProcess.RunAsync("node", ["read_csv.mjs", path, runs.ToString(System.Globalization.CultureInfo.InvariantCulture)], duckDbFolder).ConfigureAwait(false);
        return JsonSerializer.Deserialize<DuckDbReport>(output.Trim().Split('\n')[^1], new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"no report from read_csv.mjs: {output}");
    }
}

/// <summary>What <c>read_csv.mjs</c> prints.</summary>
internal sealed record DuckDbReport(string File, int Threads, string Version, IReadOnlyList<double> Runs, IReadOnlyList<double> CpuSeconds, long Rows, string Revenue, long MaxRssBytes);
