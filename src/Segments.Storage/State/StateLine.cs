using Segments.Core.Transactions;

namespace Segments.Storage.State;

/// <summary>
/// One order line a run reads, kept in the state with where it came from: the batch's place in time
/// (<see cref="BatchSequence"/>, 0 for the oldest merged batch) and its line number in that batch's normalised copy,
/// so that a bucket is read back in the order runs always read lines: newest batch first, each in its file order.
/// </summary>
/// <param name="BatchSequence">The batch's place among the merged batches, oldest first (<see cref="MergedBatch.Sequence"/>).</param>
/// <param name="LineNumber">The line's position in the batch's normalised copy, from 0.</param>
/// <param name="Line">The line as the normalised copy holds it.</param>
public readonly record struct StateLine(int BatchSequence, int LineNumber, TransactionLine Line)
{
    /// <summary>The order runs read lines in: newest batch first, then the batch's own order.</summary>
    public static IComparer<StateLine> ReadOrder { get; } = Comparer<StateLine>.Create(static (a, b) =>
        a.BatchSequence != b.BatchSequence ? b.BatchSequence.CompareTo(a.BatchSequence) : a.LineNumber.CompareTo(b.LineNumber));
}
