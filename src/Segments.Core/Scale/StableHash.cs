namespace Segments.Core.Scale;

/// <summary>
/// A 64-bit hash of a customer id that is the same in every process (string.GetHashCode is randomised per process):
/// FNV-1a over the UTF-16 code units, then the SplitMix64 finaliser to spread the bits.
/// </summary>
public static class StableHash
{
    /// <summary>The hash of <paramref name="text"/>.</summary>
    public static ulong Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 14695981039346656037UL;
        foreach (var unit in text)
        {
            hash ^= unit;
            hash *= 1099511628211UL;
        }

        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EBUL;
        return hash ^ (hash >> 31);
    }
}
