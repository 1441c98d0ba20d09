using Segments.Core.Randomness;

namespace Segments.Core.Synthetic;

/// <summary>The draws the export generator needs on top of the shared seeded generator.</summary>
internal static class RandomDraws
{
    /// <summary>Uniform in [0, <paramref name="count"/>).</summary>
    public static int Next(this SplitMix64 random, int count) => (int)(random.NextDouble() * count);

    /// <summary>Standard normal, by the Box–Muller transform.</summary>
    public static double NextGaussian(this SplitMix64 random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Log-normal with the given median and shape.</summary>
    public static double NextLogNormal(this SplitMix64 random, double median, double sigma) => median * Math.Exp(sigma * random.NextGaussian());
}
