using Segments.Core.Ingest;
using Segments.Core.Rfm;

namespace Segments.Core.Scoring;

/// <summary>Scores one export file on its own, with the same parser, rules and engine as the pipeline.</summary>
public static class FileScorer
{
    /// <summary>
    /// Streams <paramref name="stream"/> and scores every customer as of <paramref name="asOf"/> (default:
    /// the day after the latest line). A rejected file gets its report and no scores.
    /// </summary>
    public static async Task<FileScoringReport> ScoreAsync(Stream stream, ExportSource file, ExportContext context, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var aggregator = new CustomerAggregator(asOf);
        var report = await new ExportProcessor(context).ProcessAsync(
            stream,
            file,
            line =>
            {
                aggregator.Add(line);
                return ValueTask.CompletedTask;
            },
            _ => ValueTask.CompletedTask,
            cancellationToken).ConfigureAwait(false);

        return new FileScoringReport(report, aggregator.AsOf, report.IsRejected ? null : RfmScorer.Score(aggregator.ToMetrics()));
    }
}
