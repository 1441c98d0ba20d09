using Segments.Storage.State;

namespace Segments.Pipeline.State;

/// <summary>What bringing the state up to date did: the manifest now current, the plan followed and the files written.</summary>
/// <param name="Manifest">The current manifest.</param>
/// <param name="Plan">What was decided, and why.</param>
/// <param name="BucketsWritten">Customer buckets that got a new file (a delta or a new base).</param>
/// <param name="IndexPartitionsWritten">Order-index partitions that got a new file (a delta or a new base).</param>
public sealed record StateRefresh(StateManifest Manifest, StatePlan Plan, int BucketsWritten, int IndexPartitionsWritten)
{
    /// <summary>Of <see cref="BucketsWritten"/>, the buckets whose deltas were folded into a new base (all of them on a rebuild).</summary>
    public int BucketsCompacted { get; init; }

    /// <summary>Of <see cref="IndexPartitionsWritten"/>, the partitions whose deltas were folded into a new base.</summary>
    public int IndexPartitionsCompacted { get; init; }

    /// <summary>Blobs of the store's state in another format version that a rebuild removed.</summary>
    public int OtherVersionBlobsRemoved { get; init; }
}
