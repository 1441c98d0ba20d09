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
