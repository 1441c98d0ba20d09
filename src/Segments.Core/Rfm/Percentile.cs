namespace Segments.Core.Rfm;

/// <summary>Percentiles as numpy computes them by default.</summary>
public static class Percentile
{
    /// <summary>
    /// numpy's default ("linear", Hyndman &amp; Fan 1996 definition 7): with the values sorted ascending,
    /// h = (n − 1)·p and the result interpolates between the order statistics at ⌊h⌋ and ⌊h⌋ + 1.
    /// Decimal arithmetic keeps cut points exact, so a value equal to a cut point compares equal.
    /// </summary>
    /// <param name="sorted">Values in ascending order; at least one.</param>
    /// <param name="p">Fraction in [0, 1].</param>
    public static decimal Linear(ReadOnlySpan<decimal> sorted, decimal p)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("A percentile needs at least one value.", nameof(sorted));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1m);

        var h = (sorted.Length - 1) * p;
        var lower = (int)decimal.Floor(h);
        if (lower >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        var fraction = h - lower;
        return sorted[lower] + (fraction * (sorted[lower + 1] - sorted[lower]));
    }
}
