namespace Segments.Core.Clustering;

/// <summary>Points to cluster, stored row after row in one array so the hot loops stay cache-friendly.</summary>
public sealed class FeatureMatrix
{
    private readonly double[] _values;

    /// <summary>Wraps <paramref name="values"/> (not copied) as <paramref name="rows"/> × <paramref name="columns"/>.</summary>
    public FeatureMatrix(double[] values, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (values.Length != rows * columns)
        {
            throw new ArgumentException($"Expected {rows} × {columns} = {rows * columns} values, got {values.Length}.", nameof(values));
        }

        _values = values;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>Number of points.</summary>
    public int Rows { get; }

    /// <summary>Number of features per point.</summary>
    public int Columns { get; }

    /// <summary>Point <paramref name="row"/>.</summary>
    public ReadOnlySpan<double> Row(int row) => _values.AsSpan(row * Columns, Columns);

    /// <summary>Builds a matrix from points given as arrays of equal length.</summary>
    public static FeatureMatrix FromRows(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = rows.Count == 0 ? 1 : rows[0].Length;
        var values = new double[rows.Count * columns];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != columns)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Length} values, expected {columns}.", nameof(rows));
            }

            rows[i].CopyTo(values, i * columns);
        }

        return new FeatureMatrix(values, rows.Count, columns);
    }

    /// <summary>How many distinct points there are (k-means cannot find more clusters than that).</summary>
    public int CountDistinctRows()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Rows; i++)
        {
            seen.Add(string.Join(',', Row(i).ToArray().Select(v => BitConverter.DoubleToInt64Bits(v))));
        }

        return seen.Count;
    }

    /// <summary>Squared Euclidean distance between two points.</summary>
    public static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            var d = a[j] - b[j];
            sum += d * d;
        }

        return sum;
    }
}
