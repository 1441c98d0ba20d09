using Segments.Core.Randomness;
namespace Segments.Core.Clustering;

/// <summary>A seeded uniform sample of row indices.</summary>
public static class DeterministicSample
{
    /// <summary>
    /// <paramref name="size"/> distinct indices below <paramref name="count"/>, ascending; every index when
    /// <paramref name="count"/> ≤ <paramref name="size"/>. A partial Fisher–Yates shuffle draws them, so each
    /// subset is equally likely and the same seed gives the same sample.
    /// </summary>
    public static IReadOnlyList<int> Indices(int count, int size, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var all = Enumerable.Range(0, count).ToArray();
        if (count <= size)
        {
            return all;
        }

        var random = new SplitMix64(seed);
        for (var i = 0; i < size; i++)
        {
            var j = i + random.NextInt(count - i);
            (all[i], all[j]) = (all[j], all[i]);
        }

        var sample = all[..size];
        Array.Sort(sample);
        return sample;
    }
}
