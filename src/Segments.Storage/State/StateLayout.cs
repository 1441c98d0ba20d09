using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace Segments.Storage.State;

/// <summary>
/// Where the state's blobs live in the <c>state</c> container: <c>{store}/v{FormatVersion}/manifest.json</c>, each
/// customer bucket's lines in <c>{store}/v{N}/bucket={b:D4}/orders-{write}.parquet</c> and the order-id index in
/// <c>{store}/v{N}/order-index/part={p:D4}/index-{write}.parquet</c> (Hive-style folders, so DuckDB and Spark see
/// <c>bucket</c> as a column). A merge adds small files beside them instead of rewriting them (format 2, issue 19): a
/// bucket's <c>delta-{write}.parquet</c> (the lines of the batches merged then) and <c>replaced-{write}.parquet</c> (the
/// order ids those batches replace in the bucket's older files), and a partition's <c>delta-{write}.parquet</c> (the
/// index rows of the orders merged then). A file is never overwritten: each write has its own <c>{write}</c> id and
/// the manifest names the current ones, base and deltas in order.
/// </summary>
public static class StateLayout
{
    /// <summary>
    /// The layout and file schemas; a change of either is a new version, and an older state is rebuilt. 2: per bucket
    /// and index partition a base file plus delta files (a version-1 manifest names bases only, and its index has no
    /// line counts, so it is rebuilt, never read as if it had no deltas).
    /// </summary>
    public const int FormatVersion = 2;

    /// <summary>The one store served today; platforms hosting many shops get one prefix per store.</summary>
    public const string DefaultStore = "default";

    /// <summary>Index partitions: order ids spread by hash, so that merging a day's batch rewrites a few small files.</summary>
    public const int DefaultIndexPartitions = 64;

    /// <summary>The prefix of one store's state in this format version, e.g. <c>default/v2/</c>.</summary>
    public static string PrefixOf(string store) => string.Create(CultureInfo.InvariantCulture, $"{store}/v{FormatVersion}/");

    /// <summary>The manifest's blob name under <paramref name="prefix"/>.</summary>
    public static string ManifestOf(string prefix) => prefix + "manifest.json";

    /// <summary>A new file of customer bucket <paramref name="bucket"/>, relative to the prefix.</summary>
    public static string BucketFile(int bucket, string writeId) =>
        string.Create(CultureInfo.InvariantCulture, $"bucket={bucket:D4}/orders-{writeId}.parquet");

    /// <summary>A new delta file of customer bucket <paramref name="bucket"/>: the lines of the batches one merge added.</summary>
    public static string BucketDeltaFile(int bucket, string writeId) =>
        string.Create(CultureInfo.InvariantCulture, $"bucket={bucket:D4}/delta-{writeId}.parquet");

    /// <summary>A new file of the order ids one merge replaced in customer bucket <paramref name="bucket"/>'s older files.</summary>
    public static string ReplacedOrdersFile(int bucket, string writeId) =>
        string.Create(CultureInfo.InvariantCulture, $"bucket={bucket:D4}/replaced-{writeId}.parquet");

    /// <summary>A new delta file of index partition <paramref name="partition"/>: the rows of the orders one merge added.</summary>
    public static string IndexDeltaFile(int partition, string writeId) =>
        string.Create(CultureInfo.InvariantCulture, $"order-index/part={partition:D4}/delta-{writeId}.parquet");

    /// <summary>A new file of index partition <paramref name="partition"/>, relative to the prefix.</summary>
    public static string IndexFile(int partition, string writeId) =>
        string.Create(CultureInfo.InvariantCulture, $"order-index/part={partition:D4}/index-{writeId}.parquet");

    /// <summary>The index partition of <paramref name="orderId"/> (XxHash32 of its UTF-8 bytes, as customer buckets).</summary>
    public static int PartitionOf(string orderId, int partitions)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        return (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(orderId)) % (uint)partitions);
    }
}
