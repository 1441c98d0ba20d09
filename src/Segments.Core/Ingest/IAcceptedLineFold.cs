using Segments.Core.Transactions;

namespace Segments.Core.Ingest;

/// <summary>
/// A fold of an export's accepted lines that the parallel reader can run where the lines are parsed: each chunk's
/// accepted lines are folded on its parse task into a partial of their own, and the partials are merged on the
/// reader of the rows in file order, so that a merge sees the lines in the order a sequential fold would. Lines
/// the sequential parser reads (a file or the rest of a file that is not chunked) are folded one by one instead.
/// A fold must give the same result either way: the sequential fold is the reference.
/// </summary>
internal interface IAcceptedLineFold
{
    /// <summary>Whether the fold reads <see cref="TransactionLine.Product"/>; when not, lines are mapped without it.</summary>
    bool ReadsProducts { get; }

    /// <summary>
    /// Folds the accepted rows among <paramref name="rows"/> (one chunk, in file order) into a new partial, on a
    /// parse task: several run at once, on any thread. Null when there is nothing to merge.
    /// </summary>
    object? FoldChunk(ReadOnlySpan<ParsedRow> rows);

    /// <summary>Merges a partial made by <see cref="FoldChunk"/>, on the reader of the rows, in file order.</summary>
    void Merge(object partial);

    /// <summary>Folds one accepted line the sequential parser read, on the reader of the rows, in file order.</summary>
    void Add(in TransactionLine line);
}
