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
    /// <summary>How many row errors a report keeps verbatim; the counts cover all of them.</summary>
    public const int ErrorsKept = 20;

    /// <summary>The store context this processor reads with.</summary>
    public ExportContext Context => context;

    /// <summary>How delimited files are read in parallel (tests compare it with <see cref="ChunkingSettings.Sequential"/>).</summary>
    internal ChunkingSettings Chunking { get; init; } = ChunkingSettings.Default;

    /// <summary>
    /// Streams <paramref name="stream"/>. Accepted lines go to <paramref name="onAccepted"/> as they are read;
    /// when the report says the file is rejected, the caller must discard what it was given.
    /// </summary>
    public async Task<IngestReport> ProcessAsync(
        Stream stream,
        ExportSource file,
        Func<TransactionLine, ValueTask> onAccepted,
        Func<RowError, ValueTask> onRejected,
        CancellationToken cancellationToken)
    {
        var (reader, rejection) = await TransactionFileReader.OpenAsync(stream, file, context, Chunking, cancellationToken).ConfigureAwait(false);
        if (reader is null)
        {
            return new IngestReport(null, null, 0, 0, 0, 0, [], rejection);
        }

        await using (reader.ConfigureAwait(false))
        {
            var tally = new RowTally(ErrorsKept);
            string? failure = null;
            try
            {
                // Rows are read in place in each batch's array: copying every row (a large struct of
                // references) out through an async iterator costs write barriers on each copy.
                await foreach (var batch in reader.ReadBatchesAsync(cancellationToken).ConfigureAwait(false))
                {
                    var rows = batch.Rows;
                    for (var i = 0; i < batch.Count; i++)
                    {
                        tally.Count(in rows[i]);
                        if (rows[i].Status == RowStatus.Accepted)
                        {
                            await onAccepted(rows[i].Transaction).ConfigureAwait(false);
                        }
                        else if (rows[i].Error is { } error)
                        {
                            await onRejected(error).ConfigureAwait(false);
                        }
                    }
                }
            }
            catch (ExportRejectedException ex)
            {
                failure = $"{ex.Reason} (after {tally.Read:N0} rows)";
            }

            failure ??= Verdict(tally, context.Options.MaxRejectedFraction);
            return new IngestReport(reader.Mapping.Name, reader.Format, tally.Read, tally.Accepted, tally.Skipped, tally.Rejected, tally.FirstErrors, failure)
            {
                FirstOrderDate = tally.FirstOrderDate,
                LatestOrderDate = tally.LatestOrderDate,
            };
        }
    }

    /// <summary>Why a fully read file is rejected (no usable row, or too many bad ones), or null when it is accepted.</summary>
    public static string? Verdict(RowTally tally, double maxRejectedFraction)
    {
        if (tally.Read == 0)
        {
            // A header and no rows: a day without orders, read in full.
            return null;
        }

        if (tally.Accepted == 0)
        {
            return $"no usable row: {tally.Rejected:N0} rejected, {tally.Skipped:N0} skipped of {tally.Read:N0}";
        }

        var share = (double)tally.Rejected / tally.Read;
        return share > maxRejectedFraction
            ? $"{share * 100:0.0}% of rows were rejected ({tally.Rejected:N0} of {tally.Read:N0}), above the {maxRejectedFraction * 100:0.0}% limit (setting Segments:Ingest:MaxRejectedFraction): a broken export is not allowed to skew the segments"
            : null;
    }
}
