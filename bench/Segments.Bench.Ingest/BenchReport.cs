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

    public void AddIngest(string file, long bytes, int runs, double seconds, long peakRssBytes, double? duckSeconds, long? duckRssBytes)
    {
        var megabytes = bytes / 1e6;
        var ratio = duckSeconds is { } d ? Invariant($"{d / seconds:0.00}") : "–";
        _ingest.Add(Invariant($"| {file} | {megabytes:0.0} | Segments ingest (parse + normalise) | {runs} | {seconds:0.000} | {megabytes / seconds:0.0} | {ratio} | {peakRssBytes / 1e6:0} |"));
        if (duckSeconds is { } duck)
        {
            _ingest.Add(Invariant($"| {file} | {megabytes:0.0} | DuckDB read_csv | {runs} | {duck:0.000} | {megabytes / duck:0.0} | 1.00 | {duckRssBytes / 1e6:0} |"));
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
        text.AppendLine(Invariant($"Machine: {machine}. {DuckDb}. MB = 10^6 bytes; seconds are medians; ratio = our MB/s ÷ DuckDB's (above 1: faster than DuckDB). Peak RSS: ours is a fresh process running one ingest (VmHWM), DuckDB's is the largest maxRSS of its node processes (one per run)."));
        text.AppendLine();
        text.AppendLine("| file | MB | path | runs | seconds | MB/s | ratio to DuckDB | peak RSS (MB) |");
        text.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|");
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
