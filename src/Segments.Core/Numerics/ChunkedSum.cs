namespace Segments.Core.Numerics;

/// <summary>Adds up <c>width</c> running sums over the rows of a range.</summary>
/// <param name="start">First row (inclusive).</param>
/// <param name="end">Last row (exclusive).</param>
/// <param name="sums">Where to add this range's sums; zero on entry.</param>
public delegate void RangeAccumulator(int start, int end, Span<double> sums);

/// <summary>
/// Sums over many rows on all cores, reproducibly: rows are cut into fixed-size chunks whatever the machine, and
/// the chunk sums are added in chunk order, so the result does not depend on thread count or scheduling.
/// </summary>
public static class ChunkedSum
{
    /// <summary>Rows per chunk: big enough to amortise scheduling, small enough to balance two or more cores.</summary>
    public const int ChunkRows = 8192;

    /// <summary>Runs <paramref name="accumulate"/> over every chunk of <paramref name="rows"/> rows and adds the results into <paramref name="totals"/>.</summary>
    public static void Run(int rows, RangeAccumulator accumulate, Span<double> totals)
    {
        var width = totals.Length;
        var chunks = (rows + ChunkRows - 1) / ChunkRows;
        if (chunks <= 1)
        {
            totals.Clear();
            accumulate(0, rows, totals);
            return;
        }

        var partial = new double[chunks * width];
        Parallel.For(0, chunks, chunk =>
        {
            var start = chunk * ChunkRows;
            accumulate(start, Math.Min(rows, start + ChunkRows), partial.AsSpan(chunk * width, width));
        });

        totals.Clear();
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            for (var j = 0; j < width; j++)
            {
                totals[j] += partial[(chunk * width) + j];
            }
        }
    }
}
