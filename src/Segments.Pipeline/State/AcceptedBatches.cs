using Segments.Pipeline.Recompute;
using Segments.Storage.Batches;

namespace Segments.Pipeline.State;

/// <summary>The order exports a run reads, in the order it reads them.</summary>
public static class AcceptedBatches
{
    /// <summary>
    /// Newest first (<c>AcceptedAt</c>, else <c>ReceivedAt</c>, then blob name): an order id already seen in a newer
    /// batch was re-exported or corrected there, and that version replaces every older one.
    /// </summary>
    public static List<BatchRecord> NewestFirst(IEnumerable<BatchRecord> ledger) =>
        ledger
            .Where(RecordedOrderDates.IsReadByRuns)
            .OrderByDescending(b => b.AcceptedAt ?? b.ReceivedAt)
            .ThenByDescending(b => b.BlobName, StringComparer.Ordinal)
            .ToList();
}
