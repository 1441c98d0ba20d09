namespace Segments.Core.Randomness;

/// <summary>
/// A small seeded pseudo-random generator (Steele, Lea &amp; Flood 2014, "Fast splittable pseudorandom
/// number generators"). Used instead of <see cref="Random"/> because its seeded sequence is fixed by
/// this code, not by the runtime version, so clusters and synthetic exports can be reproduced years later.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A double uniform in [0, 1), from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer uniform in [0, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);

        // Multiply-shift (Lemire 2019) maps 64 bits onto the range; its bias is below 2^-32 for int ranges.
        return (int)(((UInt128)NextUInt64() * (ulong)maxExclusive) >> 64);
    }
}
