using Segments.Storage.State;

namespace Segments.Pipeline.State;

/// <summary>What merging new orders into one index partition found and wrote.</summary>
/// <param name="Replaced">The rows of the new orders already in the partition: the buckets that lose their lines, and how many.</param>
/// <param name="Compacted">Whether the partition's deltas were folded into a new base (else a delta was added).</param>
/// <param name="File">The new base or delta; a base is null when the partition is left empty.</param>
/// <param name="Rows">Rows in it.</param>
internal sealed record IndexPartitionMerge(IReadOnlyList<IndexedOrder> Replaced, bool Compacted, string? File, long Rows);
