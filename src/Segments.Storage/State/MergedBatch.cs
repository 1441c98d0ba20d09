namespace Segments.Storage.State;

/// <summary>
/// An order export whose lines the state holds, with what identifies the version that was read: a batch deleted since,
/// or re-uploaded with other content, no longer matches its ledger row, and the state is rebuilt rather than misread.
/// </summary>
/// <param name="BlobName">The export's blob name (the Batches ledger's key).</param>
/// <param name="AcceptedAt">Its place in time as runs order batches (<c>AcceptedAt</c>, else <c>ReceivedAt</c>).</param>
/// <param name="ETag">ETag of the blob version that was ingested.</param>
/// <param name="ContentHash">SHA-256 of its content; empty for rows ingested before the ledger kept it.</param>
/// <param name="NormalizedBlob">The normalised copy that was read.</param>
/// <param name="Sequence">Its place among the merged batches, oldest first, from 0 (<see cref="StateLine.BatchSequence"/>).</param>
public sealed record MergedBatch(string BlobName, DateTimeOffset AcceptedAt, string ETag, string ContentHash, string NormalizedBlob, int Sequence);
