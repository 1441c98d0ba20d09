using Segments.Core.Btyd;

namespace Segments.Core.Tests.Btyd;

/// <summary>Data that cannot identify a model give a failed fit with a reason, never NaN estimates.</summary>
public sealed class DegenerateDataTests
{
    public static TheoryData<string> Models => ["bgnbd", "mbgnbd", "paretonbd"];

    [Theory]
    [MemberData(nameof(Models))]
    public void Everyone_buying_once_is_refused_with_the_reason(string name)
    {
        var histories = Enumerable.Range(0, 500).Select(i => new CustomerHistory(0, 0, 10 + (i % 30)));

        var fit = PurchaseModelFitter.Fit(Likelihood(name), histories);

        AssertFailed(fit, "no customer made a repeat purchase");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void One_customer_is_refused_with_the_reason(string name)
    {
        var fit = PurchaseModelFitter.Fit(Likelihood(name), [new CustomerHistory(3, 20, 30)]);

        AssertFailed(fit, "one customer");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void No_customers_are_refused(string name)
    {
        AssertFailed(PurchaseModelFitter.Fit(Likelihood(name), []), "no customers");
    }

    [Theory]
    [InlineData(2, 5, -1, "T = -1 is negative")]
    [InlineData(2, -3, 10, "t_x = -3 is negative")]
    [InlineData(2, 12, 10, "t_x = 12 is after T = 10")]
    [InlineData(-1, 0, 10, "x = -1 is negative")]
    [InlineData(0, 4, 10, "x = 0 but t_x = 4")]
    public void Impossible_history_is_refused_naming_the_customer_and_the_problem(int x, double recency, double age, string problem)
    {
        CustomerHistory[] histories = [new(1, 2, 10), new(x, recency, age)];

        var fit = PurchaseModelFitter.Fit(new BgNbdLikelihood(), histories);

        AssertFailed(fit, "customer history 2: " + problem);
    }

    [Fact]
    public void Data_without_an_interior_maximum_report_the_diverging_parameter()
    {
        // Every customer buys at exactly the same pace and nobody lapses: no heterogeneity, no dropout, so the
        // likelihood keeps rising as the gamma and beta distributions collapse to points.
        var histories = Enumerable.Range(0, 200).Select(i => new CustomerHistory(10, 20, 20));

        var fit = PurchaseModelFitter.Fit(new BgNbdLikelihood(), histories);

        Assert.False(fit.Converged);
        Assert.Null(fit.Model);
        Assert.Matches("(diverged|ran off) towards", fit.Reason);
    }

    [Fact]
    public void Data_without_any_dropout_report_the_edge_instead_of_absurd_estimates()
    {
        // Two kinds of steady buyers, all still buying at the end: the dropout probability's maximum is at p = 0.
        var histories = Enumerable.Range(0, 200).Select(i => new CustomerHistory(i % 2 == 0 ? 10 : 3, 20 - (i % 3), 20));

        var fit = PurchaseModelFitter.Fit(new BgNbdLikelihood(), histories);

        Assert.False(fit.Converged);
        Assert.Null(fit.Model);
        Assert.Contains("edge of the parameter space", fit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GammaGamma_without_repeat_buyers_is_refused()
    {
        var fit = GammaGammaFitter.Fit([new SpendHistory(0, 0), new SpendHistory(0, 0)]);

        AssertFailed(fit, "no repeat buyers");
    }

    [Fact]
    public void GammaGamma_with_only_zero_spend_is_refused()
    {
        var fit = GammaGammaFitter.Fit([new SpendHistory(2, 0), new SpendHistory(5, 0), new SpendHistory(1, 0)]);

        AssertFailed(fit, "no repeat buyer has a positive average spend");
        Assert.Contains("3 repeat buyers with zero or negative average spend left out", fit.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public void GammaGamma_leaves_out_zero_spend_buyers_and_says_so()
    {
        var spend = BtydSimulator.GammaGamma(6.25, 3.74, 15.44, Enumerable.Range(0, 2_000).Select(i => 1 + (i % 4)).ToArray(), new Random(5))
            .Append(new SpendHistory(3, 0)).ToList();

        var fit = GammaGammaFitter.Fit(spend);

        Assert.True(fit.Converged, fit.Reason);
        Assert.Equal(2_000, fit.Customers);
        Assert.Equal("1 repeat buyers with zero or negative average spend left out", fit.Notes);
    }

    [Fact]
    public void GammaGamma_with_identical_spend_everywhere_is_refused()
    {
        var fit = GammaGammaFitter.Fit(Enumerable.Range(1, 50).Select(i => new SpendHistory(i % 3 + 1, 20)));

        AssertFailed(fit, "spend varies between fewer than two customers");
    }

    [Fact]
    public void GammaGamma_with_a_non_finite_spend_is_refused()
    {
        var fit = GammaGammaFitter.Fit([new SpendHistory(2, 10), new SpendHistory(1, double.NaN)]);

        AssertFailed(fit, "customer 2");
    }

    private static void AssertFailed<TModel>(ModelFit<TModel> fit, string reason)
        where TModel : class, IFittedModel
    {
        Assert.False(fit.Converged);
        Assert.Null(fit.Model);
        Assert.Null(fit.LogLikelihood);
        Assert.Contains(reason, fit.Reason, StringComparison.Ordinal);
    }

    private static IPurchaseLikelihood Likelihood(string name) => name switch
    {
        "bgnbd" => new BgNbdLikelihood(),
        "mbgnbd" => new MbgNbdLikelihood(),
        _ => new ParetoNbdLikelihood(),
    };
}
