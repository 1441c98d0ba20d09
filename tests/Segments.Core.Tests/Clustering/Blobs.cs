using Segments.Core.Clustering;

namespace Segments.Core.Tests.Clustering;

/// <summary>Well-separated groups of points for clustering tests, without randomness.</summary>
internal static class Blobs
{
    /// <summary>
    /// A 5 × 5 grid of points spaced 0.25 apart (so within ±0.5 of its centre) around each centre, centre
    /// after centre: rows 0–24 belong to the first centre, 25–49 to the second, and so on.
    /// </summary>
    public static FeatureMatrix Around(params (double X, double Y)[] centres)
    {
        var rows = new List<double[]>();
        foreach (var (x, y) in centres)
        {
            for (var i = 0; i < 5; i++)
            {
                for (var j = 0; j < 5; j++)
                {
                    rows.Add([x + ((i - 2) * 0.25), y + ((j - 2) * 0.25)]);
                }
            }
        }

        return FeatureMatrix.FromRows(rows);
    }
}
