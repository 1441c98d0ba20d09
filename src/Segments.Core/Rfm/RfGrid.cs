namespace Segments.Core.Rfm;

/// <summary>
/// Customers per recency score × frequency score: the 5 × 5 grid behind an R × F heatmap. Counted once per
/// run while the scores are in memory, so that showing it never scans a generation table.
/// </summary>
public static class RfGrid
{
    /// <summary>Scores run from 1 to this (quintiles).</summary>
    public const int Scores = 5;

    /// <summary>
    /// The grid: <c>grid[r - 1][f - 1]</c> is the number of customers with recency score r and frequency score f.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> Count(IEnumerable<RfmScore> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var grid = new int[Scores][];
        for (var r = 0; r < Scores; r++)
        {
            grid[r] = new int[Scores];
        }

        foreach (var customer in customers)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(customer.R, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(customer.R, Scores);
            ArgumentOutOfRangeException.ThrowIfLessThan(customer.F, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(customer.F, Scores);
            grid[customer.R - 1][customer.F - 1]++;
        }

        return grid;
    }
}
