namespace Segments.Core.Recommendations;

/// <summary>
/// The top-k neighbours of every product (indexes ascending per product, for binary search): memory grows with
/// products × k, not products², so it serves catalogs past <see cref="RecommendationOptions.MaxDenseProducts"/>.
/// </summary>
public sealed class SparseItemWeights : IItemWeights
{
    private readonly int[][] _neighbours;
    private readonly float[][] _weights;

    /// <summary>Per product, its neighbours (ascending) and their weights.</summary>
    public SparseItemWeights(int[][] neighbours, float[][] weights)
    {
        ArgumentNullException.ThrowIfNull(neighbours);
        ArgumentNullException.ThrowIfNull(weights);
        _neighbours = neighbours;
        _weights = weights;
    }

    /// <inheritdoc/>
    public int Products => _neighbours.Length;

    /// <inheritdoc/>
    public long Bytes => _neighbours.Sum(n => (long)n.Length) * (sizeof(int) + sizeof(float));

    /// <inheritdoc/>
    public void Accumulate(int from, float weight, Span<float> scores)
    {
        var neighbours = _neighbours[from];
        var weights = _weights[from];
        for (var k = 0; k < neighbours.Length; k++)
        {
            scores[neighbours[k]] += weights[k] * weight;
        }
    }

    /// <inheritdoc/>
    public float Weight(int from, int to)
    {
        var at = Array.BinarySearch(_neighbours[from], to);
        return at >= 0 ? _weights[from][at] : 0f;
    }
}
