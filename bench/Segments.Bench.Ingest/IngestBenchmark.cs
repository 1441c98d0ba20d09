using System.Globalization;
using System.Text;
using Segments.Core.Synthetic;

namespace Segments.Bench.Ingest;

/// <summary>
/// For each file: our ingest path (median of N runs), DuckDB's read_csv of the same file (median of N
/// runs, alternating with ours, after one untimed run of each), the peak RSS of one ingest in a fresh process, and the raw parser
/// comparison; then one table, printed and written to <c>artifacts/bench/ingest-results.md</c>.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(BenchSettings settings)
    {
        var root = RepositoryRoot();
        var artifacts = Directory.CreateDirectory(Path.Combine(root, "artifacts", "bench")).FullName;
        var duckDbFolder = Path.Combine(root, "bench", "duckdb");
        var files = settings.Files.Count > 0 ? settings.Files : DefaultFiles(root, artifacts, settings);
        if (settings.DuckDb)
        {
            await DuckDbBaseline.EnsureInstalledAsync(duckDbFolder).ConfigureAwait(false);
        }

        var report = new BenchReport(MachineDescription.Describe());
        foreach (var file in files)
        {
            var bytes = new FileInfo(file).Length;
            var runs = settings.RunsFor(bytes);
            var name = Path.GetFileName(file);
            Console.WriteLine($"{name}: {bytes / 1e6:0.0} MB, {runs} runs per path");

            // One untimed run of each first (JIT, DuckDB's buffers, the page cache), then our runs and DuckDB's
            // alternate, so that a change in the machine's load (it is shared) hits both alike.
            var duckDb = settings.DuckDb ? DuckDbBaseline.Start(duckDbFolder, file) : null;
            var ours = new List<IngestRun>();
            var duckRuns = new List<DuckDbReport>();
            try
            {
                await IngestPath.RunAsync(file).ConfigureAwait(false);
                if (duckDb is not null)
                {
                    await duckDb.RunAsync().ConfigureAwait(false);
                }

                for (var i = 0; i < runs; i++)
                {
                    ours.Add(await IngestPath.RunAsync(file).ConfigureAwait(false));
                    Console.WriteLine($"  run {i + 1}: segments ingest {ours[^1].Seconds:0.000} s, {ours[^1].CpuSeconds:0.000} CPU s ({ours[^1].RowsRead:N0} rows, {ours[^1].RowsAccepted:N0} accepted)");
                    if (duckDb is not null)
                    {
                        duckRuns.Add(await duckDb.RunAsync().ConfigureAwait(false));
                        Console.WriteLine($"  run {i + 1}: duckdb read_csv {duckRuns[^1].Runs[0]:0.000} s, {duckRuns[^1].CpuSeconds[0]:0.000} CPU s ({duckRuns[^1].Rows:N0} rows, {duckRuns[^1].Threads} threads, {duckRuns[^1].Version})");
                        report.DuckDb = $"DuckDB {duckRuns[^1].Version} via @duckdb/node-api, {duckRuns[^1].Threads} threads";
                    }
                }
            }
            finally
            {
                if (duckDb is not null)
                {
                    await duckDb.DisposeAsync().ConfigureAwait(false);
                }
            }

            var peak = await PeakMemory.MeasureAsync(file).ConfigureAwait(false);
            Console.WriteLine($"  segments ingest in a fresh process: {peak.Seconds:0.000} s, peak RSS {peak.PeakRssBytes / 1e6:0.0} MB");

            var duckSeconds = duckRuns.Count > 0 ? (Median(duckRuns.Select(r => r.Runs[0])), Median(duckRuns.Select(r => r.CpuSeconds[0]))) : ((double, double)?)null;
            long? duckRss = duckRuns.Count > 0 ? duckRuns.Max(r => r.MaxRssBytes) : null;
            report.AddIngest(name, bytes, runs, (Median(ours.Select(r => r.Seconds)), Median(ours.Select(r => r.CpuSeconds))), peak.PeakRssBytes, duckSeconds, duckRss);

            if (settings.Parsers)
            {
                foreach (var parser in ParserComparison.Parsers)
                {
                    var passes = Enumerable.Range(0, runs).Select(_ => ParserComparison.Run(parser, file)).ToList();
                    Console.WriteLine($"  {parser}: {string.Join(", ", passes.Select(p => p.Seconds.ToString("0.000", CultureInfo.InvariantCulture)))} s ({passes[0].Fields:N0} field units)");
                    report.AddParser(name, bytes, parser, Median(passes.Select(p => p.Seconds)));
                }
            }
        }

        var markdown = report.ToMarkdown();
        var resultFile = Path.Combine(artifacts, "ingest-results.md");
        await File.WriteAllTextAsync(resultFile, markdown).ConfigureAwait(false);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"(written to {resultFile})");
        return 0;
    }

    private static List<string> DefaultFiles(string root, string artifacts, BenchSettings settings)
    {
        var files = new List<string>();
        var onlineRetail = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "online-retail", "online_retail_2010-2011.csv"));
        if (File.Exists(onlineRetail))
        {
            files.Add(onlineRetail);
        }
        else
        {
            Console.WriteLine($"{onlineRetail} is absent: measuring the generated file only");
        }

        var generated = Path.Combine(artifacts, string.Create(CultureInfo.InvariantCulture, $"generated-{settings.Megabytes:0.##}MiB-seed{settings.Seed}.csv"));
        if (!File.Exists(generated))
        {
            Console.WriteLine($"generating {generated} (once; later runs reuse it) ...");
            var partial = generated + ".partial";
            using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 20))
            {
                var summary = RetailExportGenerator.Write(writer, long.MaxValue, (long)(settings.Megabytes * 1024 * 1024), settings.Seed);
                Console.WriteLine($"  {summary.Rows:N0} rows, {summary.Invoices:N0} invoices, {summary.Cancellations:N0} cancellations, {summary.RowsWithoutCustomer:N0} rows without CustomerID");
            }

            File.Move(partial, generated, overwrite: true);
        }

        files.Add(generated);
        return files;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Functions.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmark from inside the repository (no Functions.sln above it)");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
