namespace Segments.Storage.State;

/// <summary>
/// What the state holds and where: its format and bucket counts (a manifest of another format or count is rebuilt,
/// never read), the batches merged, the span of every order date read (replaced lines included, as a run's check
/// needs) and the files of each customer bucket and each order-index partition: a base file (null when empty) and the
/// delta files merges added since it was written, oldest first (<see cref="BucketDelta"/>, <see cref="IndexDelta"/>). Written last, with
/// an ETag condition, so that a write that dies before it leaves the previous manifest and its files valid.
/// </summary>
public sealed record StateManifest
{
    /// <summary>The layout this manifest describes (<see cref="StateLayout.FormatVersion"/>).</summary>
    public required int FormatVersion { get; init; }

    /// <summary>Customer buckets (<see cref="Account.CustomerBucket"/>).</summary>
    public required int BucketCount { get; init; }

    /// <summary>Partitions of the order-id index (by the order id's hash).</summary>
    public required int IndexPartitions { get; init; }

    /// <summary>The merged batches, oldest first.</summary>
    public required IReadOnlyList<MergedBatch> Batches { get; init; }

    /// <summary>The earliest order date of every line of the merged batches, replaced lines included; null without lines.</summary>
    public DateOnly? FirstOrderDate { get; init; }

    /// <summary>The latest order date of every line of the merged batches, replaced lines included.</summary>
    public DateOnly? LatestOrderDate { get; init; }

    /// <summary>Lines of the merged batches that a newer batch replaced (they are not in the state).</summary>
    public long LinesReplaced { get; init; }

    /// <summary>Lines the state holds.</summary>
    public long Lines { get; init; }

    /// <summary>Per customer bucket, the blob of its base lines (relative to the store's prefix), or null when it has none.</summary>
    public required IReadOnlyList<string?> BucketFiles { get; init; }

    /// <summary>Per index partition, the blob of its base (order id, bucket, lines) rows, or null when it has none.</summary>
    public required IReadOnlyList<string?> IndexFiles { get; init; }

    /// <summary>Per customer bucket, the lines of its base file (what a merge weighs its deltas against before folding them in); empty: none counted.</summary>
    public IReadOnlyList<long> BucketBaseLines { get; init; } = [];

    /// <summary>Per customer bucket, its delta files, oldest first (empty: none in any bucket).</summary>
    public IReadOnlyList<IReadOnlyList<BucketDelta>> BucketDeltas { get; init; } = [];

    /// <summary>Per index partition, the rows of its base file; empty: none counted.</summary>
    public IReadOnlyList<long> IndexBaseRows { get; init; } = [];

    /// <summary>Per index partition, its delta files, oldest first (empty: none in any partition).</summary>
    public IReadOnlyList<IReadOnlyList<IndexDelta>> IndexDeltas { get; init; } = [];

    /// <summary>Bucket <paramref name="bucket"/>'s deltas, oldest first.</summary>
    public IReadOnlyList<BucketDelta> DeltasOf(int bucket) => bucket < BucketDeltas.Count ? BucketDeltas[bucket] : [];

    /// <summary>Index partition <paramref name="partition"/>'s deltas, oldest first.</summary>
    public IReadOnlyList<IndexDelta> IndexDeltasOf(int partition) => partition < IndexDeltas.Count ? IndexDeltas[partition] : [];

    /// <summary>Every file the manifest names (bases and deltas), relative to the prefix.</summary>
    public IEnumerable<string> Files() =>
        BucketFiles.Concat(IndexFiles).OfType<string>()
            .Concat(BucketDeltas.SelectMany(d => d).SelectMany(d => new[] { d.LinesFile, d.ReplacedFile }).OfType<string>())
            .Concat(IndexDeltas.SelectMany(d => d).Select(d => d.File));

    /// <summary>When this manifest was written.</summary>
    public DateTimeOffset WrittenAt { get; init; }
}
