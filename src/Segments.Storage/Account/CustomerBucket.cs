using System.IO.Hashing;
using System.Text;

namespace Segments.Storage.Account;

/// <summary>
/// Spreads customers over a fixed number of table partitions: point reads stay exact (the bucket is a
/// pure function of the id), batch writes group 100 rows per partition, and no partition runs hot.
/// </summary>
public static class CustomerBucket
{
    /// <summary>Partitions per generation; recorded with each run so that a later change stays readable.</summary>
    public const int DefaultCount = 64;

    /// <summary>The partition key of <paramref name="customerId"/>, e.g. <c>b07</c>.</summary>
    public static string Of(string customerId, int bucketCount) =>
        "b" + IndexOf(customerId, bucketCount).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The bucket of <paramref name="customerId"/> as a number, 0 to <paramref name="bucketCount"/> − 1 (the runs' state uses the same buckets).</summary>
    public static int IndexOf(string customerId, int bucketCount)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        // XxHash32 is stable across processes and platforms, unlike string.GetHashCode.
        var hash = XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(customerId));
        return (int)(hash % (uint)bucketCount);
    }
}
