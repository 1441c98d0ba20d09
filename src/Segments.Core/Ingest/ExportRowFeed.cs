namespace Segments.Core.Ingest;

/// <summary>
/// The row loop every kind of export shares (orders, customer profiles, events): each row is counted, passed on
/// (an accepted record to one callback, a row error to the other), and the file judged when the rows end, by the
/// same bad-row threshold for every kind. A kind supplies only how its rows are read and what its record is.
/// </summary>
/// <typeparam name="TRecord">What an accepted row becomes.</typeparam>
public sealed class ExportRowFeed<TRecord>(Func<TRecord, ValueTask> onAccepted, Func<RowError, ValueTask> onRejected)
{
    /// <summary>The rows counted so far, by outcome.</summary>
    public RowTally Tally { get; } = new(IngestReport.ErrorsKept);

    /// <summary>Counts one row by its outcome and passes it on.</summary>
    public ValueTask AddAsync(RowStatus status, TRecord? record, RowError? error)
    {
        Tally.Count(status, error);
        return PassOnAsync(status, record, error);
    }

    /// <summary>Passes on a row already counted in <see cref="Tally"/>: an accepted record, or a rejected row's error; a skipped row only counts.</summary>
    public ValueTask PassOnAsync(RowStatus status, TRecord? record, RowError? error) =>
        status == RowStatus.Accepted ? onAccepted(record!)
        : error is not null ? onRejected(error)
        : ValueTask.CompletedTask;

    /// <summary>
    /// Runs <paramref name="readRows"/> (which adds every row here) to the end and judges the file: the reason it
    /// is rejected (a problem with the file as a whole, no usable row, or too many bad ones), or null when it is
    /// accepted. A problem with the file as a whole is an <see cref="ExportRejectedException"/>, or whatever
    /// <paramref name="fileLevelReason"/> names (given the line after the last one read).
    /// </summary>
    public async Task<string?> ReadToEndAsync(Func<Task> readRows, double maxRejectedFraction, Func<Exception, long, string?>? fileLevelReason = null)
    {
        try
        {
            await readRows().ConfigureAwait(false);
        }
        catch (Exception ex) when (ReasonOf(ex, fileLevelReason) is { } reason)
        {
            return $"{reason} (after {Tally.Read:N0} rows)";
        }

        return Verdict(maxRejectedFraction);
    }

    /// <summary>The report of the rows counted, read with <paramref name="mapping"/> in <paramref name="format"/>.</summary>
    public IngestReport Report(string? mapping, string? format, string? rejection) =>
        new(mapping, format, Tally.Read, Tally.Accepted, Tally.Skipped, Tally.Rejected, Tally.FirstErrors, rejection);

    private string? ReasonOf(Exception ex, Func<Exception, long, string?>? fileLevelReason) =>
        fileLevelReason is null ? (ex as ExportRejectedException)?.Reason : fileLevelReason(ex, Tally.Read + 1);

    /// <summary>Why a fully read file is rejected (no usable row, or too many bad ones), or null when it is accepted.</summary>
    private string? Verdict(double maxRejectedFraction)
    {
        var tally = Tally;
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
