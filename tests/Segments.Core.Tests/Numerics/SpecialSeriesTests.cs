using Segments.Core.Numerics;

namespace Segments.Core.Tests.Numerics;

public sealed class SpecialSeriesTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public void Gauss_series_matches_the_logarithm_identity(double z)
    {
        // ₂F₁(1, 1; 2; z) = −ln(1 − z)/z (A&S 15.1.3).
        Assert.True(HypergeometricSeries.TryGauss(1, 1, 2, z, out var value));
        Assert.Equal(-Math.Log(1 - z) / z, value, 12);
    }

    [Fact]
    public void Gauss_series_matches_the_binomial_identity()
    {
        // ₂F₁(a, b; b; z) = (1 − z)^−a (A&S 15.1.8).
        Assert.True(HypergeometricSeries.TryGauss(0.7, 2.3, 2.3, -0.6, out var value));
        Assert.Equal(Math.Pow(1.6, -0.7), value, 12);
    }

    [Fact]
    public void Gauss_series_refuses_z_outside_the_unit_disc()
    {
        Assert.False(HypergeometricSeries.TryGauss(1, 1, 2, 1, out _));
    }

    [Fact]
    public void Tanh_sinh_integrates_an_endpoint_singularity()
    {
        // ∫₀¹ p^−0.9 dp = 10.
        Assert.Equal(10, TanhSinhQuadrature.IntegrateUnitInterval((p, _) => Math.Pow(p, -0.9)), 6);
    }

    [Theory]
    [InlineData(1e-12)]
    [InlineData(-3e-9)]
    [InlineData(0.3)]
    public void Log1P_and_ExpM1_keep_full_precision_near_zero(double x)
    {
        // Series: ln(1 + x) = x − x²/2 + x³/3 − …; relative error at double precision.
        var series = x - (x * x / 2) + (x * x * x / 3) - (x * x * x * x / 4) + (Math.Pow(x, 5) / 5) - (Math.Pow(x, 6) / 6);
        var expected = Math.Abs(x) < 1e-3 ? series : Math.Log(1 + x);
        Assert.True(Math.Abs(AccurateMath.Log1P(x) - expected) <= 1e-15 * Math.Abs(expected), $"{AccurateMath.Log1P(x)} vs {expected}");
        Assert.True(Math.Abs(AccurateMath.ExpM1(AccurateMath.Log1P(x)) - x) <= 1e-15 * Math.Abs(x));
    }

    [Fact]
    public void Chunked_sums_do_not_depend_on_scheduling()
    {
        var values = Enumerable.Range(0, 100_000).Select(i => Math.Sin(i) * 1e-3).ToArray();
        Span<double> first = stackalloc double[1];
        Span<double> second = stackalloc double[1];
        void Sum(int start, int end, Span<double> sums)
        {
            for (var i = start; i < end; i++)
            {
                sums[0] += values[i];
            }
        }

        ChunkedSum.Run(values.Length, Sum, first);
        ChunkedSum.Run(values.Length, Sum, second);

        Assert.Equal(first[0], second[0]);
        Assert.Equal(values.Sum(), first[0], 10);
    }
}
