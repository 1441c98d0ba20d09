using Segments.Storage.Batches;
using Segments.Storage.State;

namespace Segments.Pipeline.State;

/// <summary>
/// What the state needs before a run reads it, decided from its manifest and the accepted batches: merging is exact
/// only when every merged batch is still accepted as it was read and every new batch is newer than all of them
/// (runs let the newest batch win, by <c>AcceptedAt</c> then blob name); anything else rebuilds, never misreads.
/// </summary>
/// <param name="Action">What to do.</param>
/// <param name="NewBatches">For <see cref="StateAction.Merge"/>, the batches to merge, newest first.</param>
/// <param name="Reason">Why, in words for the run's log.</param>
public sealed record StatePlan(StateAction Action, IReadOnlyList<BatchRecord> NewBatches, string Reason)
{
    /// <summary>
    /// The plan for <paramref name="acceptedNewestFirst"/> (what runs read, in their order) against <paramref name="manifest"/>;
    /// with <paramref name="normalizedCopies"/>, a merged batch whose normalised copy is gone rebuilds too, so that a run
    /// fails on missing data as reading every batch would, rather than scoring from a state it could not rebuild.
    /// </summary>
    public static StatePlan Decide(StoredManifest manifest, IReadOnlyList<BatchRecord> acceptedNewestFirst, int bucketCount, int indexPartitions, IReadOnlySet<string>? normalizedCopies = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(acceptedNewestFirst);
        if (manifest.Manifest is not { } state)
        {
            return Rebuild(manifest.Unreadable ?? "no state yet");
        }

        if (state.FormatVersion != StateLayout.FormatVersion)
        {
            return Rebuild($"the state is of format version {state.FormatVersion}; this version writes {StateLayout.FormatVersion}");
        }

        if (state.BucketCount != bucketCount || state.BucketFiles.Count != bucketCount || state.IndexPartitions != indexPartitions || state.IndexFiles.Count != indexPartitions
            || (state.BucketDeltas.Count is not 0 && state.BucketDeltas.Count != bucketCount) || (state.IndexDeltas.Count is not 0 && state.IndexDeltas.Count != indexPartitions))
        {
            return Rebuild($"the state has {state.BucketCount} buckets and {state.IndexPartitions} index partitions; runs now use {bucketCount} and {indexPartitions}");
        }

        var accepted = acceptedNewestFirst.ToDictionary(b => b.BlobName, StringComparer.Ordinal);
        foreach (var merged in state.Batches)
        {
            if (!accepted.TryGetValue(merged.BlobName, out var now))
            {
                return Rebuild($"batch {merged.BlobName} was merged and is no longer accepted (deleted, rejected or overwritten)");
            }

            if (!IsSameVersion(merged, now))
            {
                return Rebuild($"batch {merged.BlobName} changed since it was merged (re-uploaded with other content, or its place in time moved)");
            }

            if (normalizedCopies is not null && !normalizedCopies.Contains(merged.NormalizedBlob))
            {
                return Rebuild($"the normalised copy {merged.NormalizedBlob} of batch {merged.BlobName} is gone");
            }
        }

        var mergedNames = state.Batches.Select(b => b.BlobName).ToHashSet(StringComparer.Ordinal);
        var added = acceptedNewestFirst.Where(b => !mergedNames.Contains(b.BlobName)).ToList();
        if (added.Count == 0)
        {
            return new StatePlan(StateAction.UpToDate, [], "every accepted batch is merged");
        }

        var newestMerged = state.Batches.Count == 0 ? null : state.Batches.MaxBy(b => b, MergedOrder);
        if (newestMerged is not null && added.FirstOrDefault(b => MergedOrder.Compare(ToMerged(b, 0), newestMerged) < 0) is { } early)
        {
            return Rebuild($"batch {early.BlobName} was accepted with a place in time before batch {newestMerged.BlobName}, already merged");
        }

        return new StatePlan(StateAction.Merge, added, $"{added.Count} batches accepted since the last run");
    }

    /// <summary>Runs' order of batches, oldest first: <c>AcceptedAt</c> (else <c>ReceivedAt</c>), then blob name.</summary>
    public static IComparer<MergedBatch> MergedOrder { get; } = Comparer<MergedBatch>.Create(static (a, b) =>
        a.AcceptedAt != b.AcceptedAt ? a.AcceptedAt.CompareTo(b.AcceptedAt) : string.CompareOrdinal(a.BlobName, b.BlobName));

    /// <summary>A ledger row as the manifest records it, at <paramref name="sequence"/>.</summary>
    public static MergedBatch ToMerged(BatchRecord batch, int sequence)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new MergedBatch(batch.BlobName, batch.AcceptedAt ?? batch.ReceivedAt, batch.ETag, batch.ContentHash, batch.NormalizedBlob ?? string.Empty, sequence);
    }

    // The same lines: the same normalised copy at the same place in time, of the same content (an identical re-upload
    // keeps all three, so it is no change); without a content hash (older rows) the blob's ETag decides.
    private static bool IsSameVersion(MergedBatch merged, BatchRecord now) =>
        merged.AcceptedAt == (now.AcceptedAt ?? now.ReceivedAt)
        && merged.NormalizedBlob == now.NormalizedBlob
        && (merged.ContentHash.Length > 0 ? merged.ContentHash == now.ContentHash : merged.ETag == now.ETag);

    private static StatePlan Rebuild(string reason) => new(StateAction.Rebuild, [], reason);
}
