using System.Numerics;
using System.Runtime.InteropServices;

namespace Segments.Core.Recommendations;

/// <summary>
/// A full product × product matrix over a set of products (all of a matrix's, or its most bought ones), row
/// <c>from</c> after row; what EASE produces. Products outside the set neither speak for nor get a weight.
/// </summary>
public sealed class DenseItemWeights : IItemWeights
{
    private readonly float[] _weights;
    private readonly int[] _members;
    private readonly int[] _position;

    /// <summary>Wraps <paramref name="weights"/> (m × m, row-major by <c>from</c>) over <paramref name="members"/> (indexes among <paramref name="products"/>).</summary>
    public DenseItemWeights(int products, int[] members, float[] weights)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != (long)members.Length * members.Length)
        {
            throw new ArgumentException($"{weights.Length} weights is not {members.Length} × {members.Length}.", nameof(weights));
        }

        Products = products;
        _members = members;
        _weights = weights;
        _position = Enumerable.Repeat(-1, products).ToArray();
        for (var m = 0; m < members.Length; m++)
        {
            _position[members[m]] = m;
        }
    }

    /// <inheritdoc/>
    public int Products { get; }

    /// <summary>Products the dense matrix covers.</summary>
    public int Members => _members.Length;

    /// <inheritdoc/>
    public long Bytes => ((long)_weights.Length * sizeof(float)) + ((_members.Length + _position.Length) * sizeof(int));

    /// <inheritdoc/>
    public void Accumulate(int from, float weight, Span<float> scores)
    {
        var at = _position[from];
        if (at < 0)
        {
            return;
        }

        var m = _members.Length;
        var row = _weights.AsSpan(at * m, m);
        if (m == Products)
        {
            AddScaled(row, weight, scores);
            return;
        }

        for (var j = 0; j < m; j++)
        {
            scores[_members[j]] += row[j] * weight;
        }
    }

    /// <inheritdoc/>
    public float Weight(int from, int to)
    {
        var (a, b) = (_position[from], _position[to]);
        return a < 0 || b < 0 ? 0f : _weights[(a * _members.Length) + b];
    }

    private static void AddScaled(ReadOnlySpan<float> row, float weight, Span<float> scores)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var rowVectors = MemoryMarshal.Cast<float, Vector<float>>(row);
            var scoreVectors = MemoryMarshal.Cast<float, Vector<float>>(scores[..row.Length]);
            for (var v = 0; v < rowVectors.Length; v++)
            {
                scoreVectors[v] += rowVectors[v] * weight;
            }

            i = rowVectors.Length * Vector<float>.Count;
        }

        for (; i < row.Length; i++)
        {
            scores[i] += row[i] * weight;
        }
    }
}
