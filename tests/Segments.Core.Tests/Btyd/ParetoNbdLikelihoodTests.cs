using MathNet.Numerics;
using Segments.Core.Btyd;
using Segments.Core.Numerics;

namespace Segments.Core.Tests.Btyd;

public sealed class ParetoNbdLikelihoodTests
{
    [Fact]
    public void One_time_buyer_likelihood_matches_by_hand()
    {
        // x = 0, T = 1, all parameters 1: 1/((1+1)(1+1)) + ∫₀¹ (1+τ)^−3 dτ = 1/4 + 3/8 = 5/8.
        var ll = LikelihoodCheck.Single(new ParetoNbdLikelihood(), [1, 1, 1, 1], new CustomerHistory(0, 0, 1));

        Assert.Equal(Math.Log(5.0 / 8), ll, 12);
    }

    [Theory]
    [InlineData(10.0, 2.0, 3, 20.0)] // α ≥ β: the first ₂F₁ form
    [InlineData(2.0, 10.0, 3, 20.0)] // α < β: the second
    [InlineData(15.0, 0.05, 3, 20.0)] // far apart, z near 1
    [InlineData(1000.0, 1e-9, 0, 0.0)] // 1 − z ≈ 1e−12: the series cannot be summed, the fallback integrates
    public void Likelihood_equals_the_integral_it_was_derived_from(double alpha, double beta, int x, double recency)
    {
        // L = Γ(r+x)α^r β^s/Γ(r) · [(α+T)^−(r+x)(β+T)^−s + s ∫_{t_x}^T (α+τ)^−(r+x) (β+τ)^−(s+1) dτ]: the death-time
        // integral the 2F1 closed form replaces, computed here by quadrature.
        const double r = 0.55, s = 0.6;
        const double age = 30;
        var integral = (age - recency) * TanhSinhQuadrature.IntegrateUnitInterval((u, _) =>
        {
            var tau = recency + ((age - recency) * u);
            return Math.Pow(alpha + tau, -(r + x)) * Math.Pow(beta + tau, -(s + 1));
        });
        var expected = SpecialFunctions.GammaLn(r + x) - SpecialFunctions.GammaLn(r) + (r * Math.Log(alpha)) + (s * Math.Log(beta))
            + Math.Log((Math.Pow(alpha + age, -(r + x)) * Math.Pow(beta + age, -s)) + (s * integral));

        var ll = LikelihoodCheck.Single(new ParetoNbdLikelihood(), [r, alpha, s, beta], new CustomerHistory(x, recency, age));

        Assert.Equal(expected, ll, 9);
    }

    [Fact]
    public void Gradient_matches_finite_differences()
    {
        LikelihoodCheck.GradientMatchesFiniteDifferences(new ParetoNbdLikelihood(), [0.55, 10.6, 0.6, 11.7], LikelihoodCheck.SmallData, 1e-5);
    }
}
