using Segments.Core.Btyd;

namespace Segments.Core.Tests.Btyd;

/// <summary>Fits whose maximum likelihood is at the edge fall back to the nested NBD or to a MAP estimate, and say so.</summary>
public sealed class IdentifiedPurchaseModelFitterTests
{
    // Customers who never leave: p ~ beta(0.001, 1000) is 0 to within 1e-6, so the BG/NBD likelihood keeps rising as a → 0.
    private static readonly CustomerHistory[] NoDropout =
        BtydSimulator.BetaGeometric(0.6, 4, 0.001, 1000, new SimulationDesign(3000), new Random(16));

    [Fact]
    public void Data_without_dropout_run_the_bgnbd_likelihood_to_the_edge()
    {
        var fit = PurchaseModelFitter.Fit(new BgNbdLikelihood(), NoDropout);

        Assert.False(fit.Converged);
        Assert.Equal(new Core.Numerics.ParameterEdge("a", TowardsZero: true), fit.Edge);
    }

    [Theory]
    [InlineData("bgnbd")]
    [InlineData("mbgnbd")]
    public void At_the_dropout_edge_the_nested_nbd_is_fitted_and_named(string name)
    {
        IPurchaseLikelihood likelihood = name == "bgnbd" ? new BgNbdLikelihood() : new MbgNbdLikelihood();

        var fit = IdentifiedPurchaseModelFitter.Fit(likelihood, NoDropout);

        Assert.True(fit.Converged);
        Assert.Equal(EstimationMethod.NestedModel, fit.Estimation);
        Assert.Equal(name, fit.ModelName);
        Assert.Contains("nested model", fit.Fallback, StringComparison.Ordinal);
        var nbd = Assert.IsType<NbdModel>(fit.Model);
        // The simulated r = 0.6, α = 4 (weeks) are recovered within sampling error.
        Assert.InRange(nbd.R, 0.5, 0.72);
        Assert.InRange(nbd.Alpha, 3.2, 5.0);
    }

    [Fact]
    public void The_nested_nbd_is_the_bgnbd_limit_as_a_runs_to_zero()
    {
        var nbd = Assert.IsType<NbdModel>(IdentifiedPurchaseModelFitter.Fit(new BgNbdLikelihood(), NoDropout).Model);
        var data = GroupedHistories.From(NoDropout);

        var atEdge = new BgNbdLikelihood().LogLikelihood([nbd.R, nbd.Alpha, 1e-12, 1], data, []);
        var nested = new NbdLikelihood().LogLikelihood([nbd.R, nbd.Alpha], data, []);

        Assert.Equal(nested, atEdge, 6);
    }

    [Fact]
    public void Without_heterogeneity_the_map_estimate_is_used_and_is_finite()
    {
        // Everyone buys at one pace and nobody lapses: r runs to infinity in BG/NBD and in the NBD alike.
        var histories = Enumerable.Range(0, 200).Select(i => new CustomerHistory(10, 20 - (i % 3), 20)).ToList();

        var fit = IdentifiedPurchaseModelFitter.Fit(new BgNbdLikelihood(), histories);

        Assert.True(fit.Converged);
        Assert.Equal(EstimationMethod.MaximumAPosteriori, fit.Estimation);
        Assert.Contains("weakly-informative prior", fit.Fallback, StringComparison.Ordinal);
        Assert.NotNull(fit.LogLikelihood);
        var model = fit.Model!;
        Assert.All(model.Parameters, p => Assert.True(double.IsFinite(p.Value) && p.Value > 0, p.Name));
        var expected = model.ExpectedPurchases(histories[0], 10);
        // Ten repeat purchases in 20 weeks: about five in the next ten.
        Assert.InRange(expected, 3, 6);
    }

    [Fact]
    public void An_interior_maximum_is_kept_as_maximum_likelihood()
    {
        var histories = BtydSimulator.BetaGeometric(0.25, 4.4, 0.8, 2.4, new SimulationDesign(3000), new Random(7));

        var fit = IdentifiedPurchaseModelFitter.Fit(new BgNbdLikelihood(), histories);

        Assert.Equal(EstimationMethod.MaximumLikelihood, fit.Estimation);
        Assert.Null(fit.Fallback);
        Assert.IsType<BgNbdModel>(fit.Model);
    }

    [Fact]
    public void Everyone_buying_once_still_gets_no_model()
    {
        var histories = Enumerable.Range(0, 500).Select(i => new CustomerHistory(0, 0, 10 + (i % 30)));

        var fit = IdentifiedPurchaseModelFitter.Fit(new BgNbdLikelihood(), histories);

        Assert.False(fit.Converged);
        Assert.Null(fit.Model);
        Assert.Contains("no customer made a repeat purchase", fit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_nbd_gradient_matches_finite_differences()
    {
        LikelihoodCheck.GradientMatchesFiniteDifferences(new NbdLikelihood(), [0.7, 3.5], LikelihoodCheck.SmallData, 1e-6);
    }
}
