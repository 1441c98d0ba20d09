namespace Segments.Core.Ingest.Chunked;

/// <summary>
/// Consecutive rows of a file, in file order: the first <see cref="Count"/> of <see cref="Rows"/>. The array
/// belongs to the reader and is reused or returned to a pool once the consumer asks for the next batch.
/// </summary>
/// <param name="Rows">The rows; only the first <paramref name="Count"/> are this batch.</param>
/// <param name="Count">Rows in the batch.</param>
/// <param name="Folded">
/// The batch's accepted lines already folded on the parse task (<see cref="IAcceptedLineFold.FoldChunk"/>): the
/// consumer merges this instead of folding the accepted rows itself. Null when they still need folding.
/// </param>
/// <param name="Counted">
/// The batch's rows already counted on the parse task (with <see cref="Folded"/>): a consumer that needs nothing else
/// of the rows (none rejected, the accepted ones folded) adds the counts instead of walking the rows. Null when not counted.
/// </param>
internal readonly record struct RowBatch(ParsedRow[] Rows, int Count, object? Folded = null, RowTally? Counted = null);
