using System.Globalization;
using System.Text;

namespace Segments.Bench.Ingest;

/// <summary>The result tables, as Markdown.</summary>
internal sealed class BenchReport(string machine)
{
    private readonly List<string> _ingest = [];
    private readonly List<string> _parsers = [];
    private readonly Dictionary<string, double> _sylvanSeconds = [];

    public string DuckDb { get; set; } = "DuckDB not run";

    public void AddIngest(string file, long bytes, int runs, (double Wall, double Cpu) ours, long peakRssBytes, (double Wall, double Cpu)? duck, long? duckRssBytes)
    {
        var megabytes = bytes / 1e6;
        var ratio = duck is { } d ? Invariant($"{d.Wall / ours.Wall:0.00}") : "–";
        var cpuRatio = duck is { } c ? Invariant($"{c.Cpu / ours.Cpu:0.00}") : "–";
        _ingest.Add(Invariant($"| {file} | {megabytes:0.0} | Segments ingest (parse + normalise) | {runs} | {ours.Wall:0.000} | {megabytes / ours.Wall:0.0} | **{ratio}** | {ours.Cpu:0.000} | {megabytes / ours.Cpu:0.0} | {cpuRatio} | {peakRssBytes / 1e6:0} |"));
        if (duck is { } duckdb)
        {
            _ingest.Add(Invariant($"| {file} | {megabytes:0.0} | DuckDB read_csv | {runs} | {duckdb.Wall:0.000} | {megabytes / duckdb.Wall:0.0} | 1.00 | {duckdb.Cpu:0.000} | {megabytes / duckdb.Cpu:0.0} | 1.00 | {duckRssBytes / 1e6:0} |"));
        }
    }

    public void AddParser(string file, long bytes, string parser, double seconds)
    {
        if (parser == ParserComparison.Sylvan)
        {
            _sylvanSeconds[file] = seconds;
        }

        var ratio = _sylvanSeconds.TryGetValue(file, out var sylvan) ? Invariant($"{sylvan / seconds:0.00}") : "–";
        _parsers.Add(Invariant($"| {file} | {parser} | {seconds:0.000} | {bytes / 1e6 / seconds:0.0} | {ratio} |"));
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var loadAtEnd = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        text.AppendLine(Invariant($"Machine: {machine}, load average {loadAtEnd} at the end. {DuckDb}. MB = 10^6 bytes; seconds are medians; ratio = our MB/s ÷ DuckDB's (above 1: faster than DuckDB); CPU s = user + system seconds of the whole process during a run (all threads), and its ratio compares MB per CPU second, which the machine's other load changes far less than wall time. Peak RSS: ours is a fresh process running one ingest (VmHWM), DuckDB's is its node process's maxRSS."));
        text.AppendLine();
        text.AppendLine("| file | MB | path | runs | seconds | MB/s | ratio to DuckDB | CPU s | MB per CPU s | CPU ratio to DuckDB | peak RSS (MB) |");
        text.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        _ingest.ForEach(row => text.AppendLine(row));
        if (_parsers.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Raw field reading (every field of every record as a span, no mapping):");
            text.AppendLine();
            text.AppendLine("| file | parser | seconds | MB/s | speed vs Sylvan |");
            text.AppendLine("|---|---|---:|---:|---:|");
            _parsers.ForEach(row => text.AppendLine(row));
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
