namespace Segments.Core.Ingest;

/// <summary>Counts rows by outcome and keeps the first few errors verbatim.</summary>
public sealed class RowTally(int errorsKept)
{
    private readonly List<RowError> _firstErrors = [];

    /// <summary>Data rows seen.</summary>
    public long Read { get; private set; }

    /// <summary>Rows that became transactions.</summary>
    public long Accepted { get; private set; }

    /// <summary>Rows deliberately not used.</summary>
    public long Skipped { get; private set; }

    /// <summary>Rows that could not be read.</summary>
    public long Rejected { get; private set; }

    /// <summary>The first errors, in file order.</summary>
    public IReadOnlyList<RowError> FirstErrors => _firstErrors;

    /// <summary>The earliest order date (UTC day) among the accepted rows, or null when none was accepted.</summary>
    public DateOnly? FirstOrderDate { get; private set; }

    /// <summary>The latest order date (UTC day) among the accepted rows, or null when none was accepted.</summary>
    public DateOnly? LatestOrderDate { get; private set; }

    /// <summary>The rows of one chunk counted on its parse task, so that the reader of the rows adds them at once (<see cref="Add"/>).</summary>
    internal static RowTally Of(ReadOnlySpan<ParsedRow> rows, int errorsKept)
    {
        var tally = new RowTally(errorsKept);
        foreach (ref readonly var row in rows)
        {
            tally.Count(in row);
        }

        return tally;
    }

    /// <summary>
    /// Counts the rows <paramref name="counted"/> counted, as if they came one by one after the rows counted here:
    /// the same counts and order dates, and its first errors after these. Exact when it kept at least as many errors
    /// as this tally keeps (or saw no rejected row).
    /// </summary>
    internal void Add(RowTally counted)
    {
        Read += counted.Read;
        Accepted += counted.Accepted;
        Skipped += counted.Skipped;
        Rejected += counted.Rejected;
        foreach (var error in counted.FirstErrors)
        {
            if (_firstErrors.Count < errorsKept)
            {
                _firstErrors.Add(error);
            }
        }

        if (counted.FirstOrderDate is { } countedFirst && (FirstOrderDate is not { } first || countedFirst < first))
        {
            FirstOrderDate = countedFirst;
        }

        if (counted.LatestOrderDate is { } countedLatest && (LatestOrderDate is not { } latest || countedLatest > latest))
        {
            LatestOrderDate = countedLatest;
        }
    }

    /// <summary>Counts one row of an order export; an accepted one widens the order dates to its own.</summary>
    public void Count(in ParsedRow row)
    {
        Count(row.Status, row.Error);
        if (row.Status == RowStatus.Accepted)
        {
            var orderDate = row.Transaction.OrderDate;
            if (FirstOrderDate is not { } first || orderDate < first)
            {
                FirstOrderDate = orderDate;
            }

            if (LatestOrderDate is not { } latest || orderDate > latest)
            {
                LatestOrderDate = orderDate;
            }
        }
    }

    /// <summary>Counts one row of any kind of export by its outcome; <paramref name="error"/> is set for rejected rows.</summary>
    public void Count(RowStatus status, RowError? error)
    {
        Read++;
        switch (status)
        {
            case RowStatus.Accepted:
                Accepted++;
                break;
            case RowStatus.Skipped:
                Skipped++;
                break;
            default:
                Rejected++;
                if (_firstErrors.Count < errorsKept)
                {
                    _firstErrors.Add(error!);
                }

                break;
        }
    }
}
