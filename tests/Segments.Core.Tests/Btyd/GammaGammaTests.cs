using Segments.Core.Btyd;

namespace Segments.Core.Tests.Btyd;

public sealed class GammaGammaTests
{
    [Fact]
    public void Density_of_one_transaction_matches_by_hand()
    {
        // x = 1, z̄ = 1, p = q = γ = 1: Γ(2)/(Γ(1)Γ(1)) · 1 · 1^0 · 1 / (1 + 1)² = 1/4.
        var ll = GammaGammaLikelihood.Evaluate([1, 1, 1], [new SpendHistory(1, 1)], []);

        Assert.Equal(Math.Log(0.25), ll, 12);
    }

    [Fact]
    public void Gradient_matches_finite_differences()
    {
        SpendHistory[] customers = [new(1, 12.5), new(3, 40), new(7, 22.1, Weight: 4), new(2, 105)];
        double[] parameters = [6.2, 3.7, 15.4];
        var gradient = new double[3];
        GammaGammaLikelihood.Evaluate(parameters, customers, gradient);

        for (var i = 0; i < 3; i++)
        {
            var h = 1e-6 * parameters[i];
            var up = (double[])parameters.Clone();
            var down = (double[])parameters.Clone();
            up[i] += h;
            down[i] -= h;
            var numeric = (GammaGammaLikelihood.Evaluate(up, customers, []) - GammaGammaLikelihood.Evaluate(down, customers, [])) / (2 * h);
            Assert.Equal(numeric, gradient[i], 5);
        }
    }

    [Fact]
    public void Expected_spend_weighs_the_population_mean_against_the_customers_own()
    {
        var model = new GammaGammaModel(6.25, 3.74, 15.44);
        var populationMean = 6.25 * 15.44 / 2.74;
        var weight = 6.25 * 4 / ((6.25 * 4) + 3.74 - 1);

        var expected = model.ExpectedAverageSpend(4, 100);

        Assert.Equal(populationMean, model.PopulationAverageSpend, 12);
        Assert.Equal(((1 - weight) * populationMean) + (weight * 100), expected, 10);
        Assert.Equal(populationMean, model.ExpectedAverageSpend(0, 0), 12);
    }

    [Fact]
    public void Population_mean_is_infinite_not_NaN_when_q_is_at_most_1()
    {
        var model = new GammaGammaModel(2, 0.8, 10);

        Assert.Equal(double.PositiveInfinity, model.PopulationAverageSpend);
        Assert.Equal(double.PositiveInfinity, model.ExpectedAverageSpend(0, 0));
        Assert.True(double.IsFinite(model.ExpectedAverageSpend(3, 20)));
    }
}
