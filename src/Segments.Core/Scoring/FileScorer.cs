using Segments.Core.Ingest;
using Segments.Core.Ingest.Chunked;
using Segments.Core.Rfm;

namespace Segments.Core.Scoring;

/// <summary>Scores one export file on its own, with the same parser, rules and engine as the pipeline.</summary>
public static class FileScorer
{
    /// <summary>
    /// Streams <paramref name="stream"/> and scores every customer as of <paramref name="asOf"/> (default:
    /// the day after the latest line). A rejected file gets its report and no scores.
    /// </summary>
    public static Task<FileScoringReport> ScoreAsync(Stream stream, ExportSource file, ExportContext context, DateOnly? asOf, CancellationToken cancellationToken) =>
        ScoreAsync(stream, file, context, asOf, ChunkingSettings.Default, cancellationToken);

    /// <summary>
    /// As above, read with <paramref name="chunking"/>. On the parallel path the lines are folded into customers
    /// chunk by chunk on the parse tasks and merged in file order (<see cref="CustomerChunkFold"/>); the sequential
    /// path folds line by line and is the reference the tests compare it with.
    /// </summary>
    internal static async Task<FileScoringReport> ScoreAsync(Stream stream, ExportSource file, ExportContext context, DateOnly? asOf, ChunkingSettings chunking, CancellationToken cancellationToken)
    {
        var aggregator = new CustomerAggregator(asOf);
        var report = await new ExportProcessor(context) { Chunking = chunking }.FoldAsync(
            stream,
            file,
            new CustomerChunkFold(aggregator),
            _ => ValueTask.CompletedTask,
            cancellationToken).ConfigureAwait(false);

        return new FileScoringReport(report, aggregator.AsOf, report.IsRejected ? null : RfmScorer.Score(aggregator.ToMetrics()));
    }
}
