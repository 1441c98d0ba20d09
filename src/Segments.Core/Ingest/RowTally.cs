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

    /// <summary>Counts one row.</summary>
    public void Count(in ParsedRow row)
    {
        Read++;
        switch (row.Status)
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
                    _firstErrors.Add(row.Error!);
                }

                break;
        }
    }
}
