using Segments.Core.Ingest.Chunked;
using Segments.Core.Transactions;

namespace Segments.Core.Ingest;

/// <summary>
/// Reads one export to the end, hands accepted lines and row errors to the caller, and decides whether the
/// file as a whole is accepted: the one parser behind the blob trigger, <c>segments validate</c> and
/// <c>segments score</c>.
/// </summary>
public sealed class ExportProcessor(ExportContext context)
{
    /// <summary>The store context this processor reads with.</summary>
    public ExportContext Context => context;

    /// <summary>How delimited files are read in parallel (tests compare it with <see cref="ChunkingSettings.Sequential"/>).</summary>
    internal ChunkingSettings Chunking { get; init; } = ChunkingSettings.Default;

    /// <summary>
    /// Streams <paramref name="stream"/>. Accepted lines go to <paramref name="onAccepted"/> as they are read;
    /// when the report says the file is rejected, the caller must discard what it was given.
    /// </summary>
    public Task<IngestReport> ProcessAsync(
        Stream stream,
        ExportSource file,
        Func<TransactionLine, ValueTask> onAccepted,
        Func<RowError, ValueTask> onRejected,
        CancellationToken cancellationToken) =>
        ProcessAsync(stream, file, onAccepted, fold: null, onRejected, cancellationToken);

    /// <summary>
    /// Streams <paramref name="stream"/> and folds its accepted lines with <paramref name="fold"/>: on the parallel
    /// path each chunk is folded on its parse task and merged here in file order, so that the per-line work runs
    /// on every core; lines the sequential parser reads are folded here one by one. When the report says the
    /// file is rejected, the caller must discard the fold.
    /// </summary>
    internal Task<IngestReport> FoldAsync(Stream stream, ExportSource file, IAcceptedLineFold fold, Func<RowError, ValueTask> onRejected, CancellationToken cancellationToken) =>
        ProcessAsync(
            stream,
            file,
            line =>
            {
                fold.Add(line);
                return ValueTask.CompletedTask;
            },
            fold,
            onRejected,
            cancellationToken);

    private async Task<IngestReport> ProcessAsync(
        Stream stream,
        ExportSource file,
        Func<TransactionLine, ValueTask> onAccepted,
        IAcceptedLineFold? fold,
        Func<RowError, ValueTask> onRejected,
        CancellationToken cancellationToken)
    {
        var (reader, rejection) = await TransactionFileReader.OpenAsync(stream, file, context, Chunking, fold, cancellationToken).ConfigureAwait(false);
        if (reader is null)
        {
            return IngestReport.Unread(rejection);
        }

        await using (reader.ConfigureAwait(false))
        {
            var feed = new ExportRowFeed<TransactionLine>(onAccepted, onRejected);
            var failure = await feed.ReadToEndAsync(
                async () =>
                {
                    // Rows are read in place in each batch's array: copying every row (a large struct of
                    // references) out through an async iterator costs write barriers on each copy.
                    await foreach (var batch in reader.ReadBatchesAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var rows = batch.Rows;
                        if (batch.Counted is { Rejected: 0 } counted && (batch.Folded is not null || counted.Accepted == 0))
                        {
                            // Counted and folded on the parse task, and no row to pass on (a skipped row only counts).
                            feed.Tally.Add(counted);
                            if (batch.Folded is { } chunkFolded)
                            {
                                fold!.Merge(chunkFolded);
                            }

                            continue;
                        }

                        if (batch.Folded is { } folded)
                        {
                            // The accepted lines were folded on the parse task: only the other rows are passed on.
                            for (var i = 0; i < batch.Count; i++)
                            {
                                feed.Tally.Count(in rows[i]);
                                if (rows[i].Status != RowStatus.Accepted)
                                {
                                    await feed.PassOnAsync(rows[i].Status, default, rows[i].Error).ConfigureAwait(false);
                                }
                            }

                            fold!.Merge(folded);
                            continue;
                        }

                        for (var i = 0; i < batch.Count; i++)
                        {
                            feed.Tally.Count(in rows[i]);
                            await feed.PassOnAsync(rows[i].Status, rows[i].Transaction, rows[i].Error).ConfigureAwait(false);
                        }
                    }
                },
                context.Options.MaxRejectedFraction).ConfigureAwait(false);
            return feed.Report(reader.Mapping.Name, reader.Format, failure) with
            {
                FirstOrderDate = feed.Tally.FirstOrderDate,
                LatestOrderDate = feed.Tally.LatestOrderDate,
            };
        }
    }
}
