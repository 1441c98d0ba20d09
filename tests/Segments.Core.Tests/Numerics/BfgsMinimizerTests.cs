using Segments.Core.Numerics;

namespace Segments.Core.Tests.Numerics;

public sealed class BfgsMinimizerTests
{
    [Fact]
    public void Finds_the_minimum_of_the_Rosenbrock_valley()
    {
        // f = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1): the classic test of a curved, ill-conditioned valley.
        static double Rosenbrock(ReadOnlySpan<double> p, Span<double> g)
        {
            double x = p[0], y = p[1];
            g[0] = (-2 * (1 - x)) - (400 * x * (y - (x * x)));
            g[1] = 200 * (y - (x * x));
            return ((1 - x) * (1 - x)) + (100 * (y - (x * x)) * (y - (x * x)));
        }

        var result = BfgsMinimizer.Minimize(Rosenbrock, [-1.2, 1]);

        Assert.True(result.Converged, result.Reason);
        Assert.Equal(1, result.Point[0], 6);
        Assert.Equal(1, result.Point[1], 6);
    }

    [Fact]
    public void Steps_back_from_points_where_the_function_is_not_finite()
    {
        // ln-barrier: undefined for x ≤ 0; minimum of x − ln x at x = 1, started where a full step overshoots.
        static double Barrier(ReadOnlySpan<double> p, Span<double> g)
        {
            g[0] = 1 - (1 / p[0]);
            return p[0] <= 0 ? double.NaN : p[0] - Math.Log(p[0]);
        }

        var result = BfgsMinimizer.Minimize(Barrier, [8]);

        Assert.True(result.Converged, result.Reason);
        Assert.Equal(1, result.Point[0], 6);
    }

    [Fact]
    public void Unbounded_function_is_reported_as_diverged()
    {
        static double Slope(ReadOnlySpan<double> p, Span<double> g)
        {
            g[0] = -1;
            return -p[0];
        }

        var result = BfgsMinimizer.Minimize(Slope, [0]);

        Assert.False(result.Converged);
        Assert.Equal(0, result.DivergedCoordinate);
    }

    [Fact]
    public void Non_finite_start_is_reported()
    {
        var result = BfgsMinimizer.Minimize((_, g) => { g[0] = 0; return double.NaN; }, [0]);

        Assert.False(result.Converged);
        Assert.Contains("not finite at the starting point", result.Reason, StringComparison.Ordinal);
    }
}
