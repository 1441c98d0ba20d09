using Segments.Core.Randomness;
namespace Segments.Core.Synthetic;

/// <summary>Draws an index with probability proportional to its weight (binary search over the running sums).</summary>
internal sealed class WeightedChoice
{
    private readonly double[] _cumulative;

    public WeightedChoice(IReadOnlyList<double> weights)
    {
        _cumulative = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            sum += weights[i];
            _cumulative[i] = sum;
        }
    }

    public int Next(SplitMix64 random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        return Math.Min(index < 0 ? ~index : index + 1, _cumulative.Length - 1);
    }
}
