namespace Segments.Core.Rfm;

/// <summary>The 20th, 40th, 60th and 80th percentiles of one measure: the borders between scores.</summary>
public sealed record CutPoints(decimal P20, decimal P40, decimal P60, decimal P80)
{
    /// <summary>Percentile levels the cut points are taken at.</summary>
    public static IReadOnlyList<decimal> Levels { get; } = [0.2m, 0.4m, 0.6m, 0.8m];

    /// <summary>Cut points of <paramref name="values"/> (any order, at least one).</summary>
    public static CutPoints Of(IEnumerable<decimal> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return new CutPoints(
            Percentile.Linear(sorted, Levels[0]),
            Percentile.Linear(sorted, Levels[1]),
            Percentile.Linear(sorted, Levels[2]),
            Percentile.Linear(sorted, Levels[3]));
    }

    /// <summary>How many cut points lie strictly below <paramref name="value"/> (0–4).</summary>
    public int CountBelow(decimal value) =>
        (P20 < value ? 1 : 0) + (P40 < value ? 1 : 0) + (P60 < value ? 1 : 0) + (P80 < value ? 1 : 0);
}
