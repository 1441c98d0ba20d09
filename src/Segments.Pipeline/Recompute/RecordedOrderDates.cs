using Segments.Storage.Batches;

namespace Segments.Pipeline.Recompute;

/// <summary>
/// The order dates the Batches ledger records for the order exports a run reads, so that a run request is checked
/// against the data when it is made instead of failing later (the ledger is small: one row per export).
/// </summary>
public static class RecordedOrderDates
{
    /// <summary>Whether a run reads this batch's rows: an accepted order export with its normalised copy.</summary>
    public static bool IsReadByRuns(BatchRecord batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return batch.Kind == BatchKind.Transactions && batch.Status == BatchStatus.Accepted && batch.NormalizedBlob is not null;
    }

    /// <summary>
    /// The span of the order dates of the batches runs read, or null when the ledger cannot tell: an accepted batch
    /// with rows but without dates was ingested before the ledger kept them, and then only the run, which reads
    /// every row, knows the span. A batch without accepted rows adds nothing; without any, the span is empty.
    /// </summary>
    public static OrderDateSpan? Of(IEnumerable<BatchRecord> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var span = new OrderDateSpan();
        foreach (var batch in batches.Where(IsReadByRuns).Where(b => b.RowsAccepted > 0))
        {
            if (batch.FirstOrderDate is not { } first || batch.LatestOrderDate is not { } latest)
            {
                return null;
            }

            span.Add(first);
            span.Add(latest);
        }

        return span;
    }
}
