using Segments.Core.Btyd;

namespace Segments.Core.Tests.Btyd;

/// <summary>
/// Data simulated from known parameters (the CDNOW estimates of each model), fixed seeds: the fit must land near
/// the truth, and, as a maximum likelihood estimate must, be at least as likely as the truth.
/// </summary>
public sealed class ParameterRecoveryTests
{
    [Fact]
    public void BgNbd_recovers_its_parameters_from_100k_simulated_customers()
    {
        double[] truth = [0.243, 4.414, 0.793, 2.426];
        var histories = BtydSimulator.BetaGeometric(truth[0], truth[1], truth[2], truth[3], new SimulationDesign(100_000), new Random(1));

        AssertRecovered(new BgNbdLikelihood(), histories, truth, 0.10);
    }

    [Fact]
    public void MbgNbd_recovers_its_parameters_from_100k_simulated_customers()
    {
        double[] truth = [0.525, 6.183, 0.891, 1.614];
        var histories = BtydSimulator.BetaGeometric(truth[0], truth[1], truth[2], truth[3], new SimulationDesign(100_000), new Random(1), dropoutAtFirstPurchase: true);

        AssertRecovered(new MbgNbdLikelihood(), histories, truth, 0.10);
    }

    [Fact]
    public void ParetoNbd_recovers_its_parameters_from_20k_customers_watched_two_years()
    {
        // Lifetimes are weakly identified over 39 weeks; two years of watching pins s and β down.
        double[] truth = [0.553, 10.578, 0.606, 11.669];
        var histories = BtydSimulator.Pareto(truth[0], truth[1], truth[2], truth[3], new SimulationDesign(20_000, CohortDays: 84, CalibrationDays: 728), new Random(1));

        AssertRecovered(new ParetoNbdLikelihood(), histories, truth, 0.10);
    }

    [Fact]
    public void GammaGamma_recovers_its_parameters_from_50k_simulated_repeat_buyers()
    {
        var spend = BtydSimulator.GammaGamma(6.25, 3.74, 15.44, Enumerable.Range(0, 50_000).Select(i => 1 + (i % 6)).ToArray(), new Random(1));

        var fit = GammaGammaFitter.Fit(spend);

        Assert.True(fit.Converged, fit.Reason);
        Assert.Equal(6.25, fit.Model!.P, Tolerance(6.25, 0.10));
        Assert.Equal(3.74, fit.Model.Q, Tolerance(3.74, 0.10));
        Assert.Equal(15.44, fit.Model.Gamma, Tolerance(15.44, 0.10));
        Assert.True(fit.LogLikelihood >= GammaGammaLikelihood.Evaluate([6.25, 3.74, 15.44], spend, []));
    }

    [Fact]
    public void Simulated_day_resolution_histories_fold_into_far_fewer_rows()
    {
        // Day-resolution times: 100k customers fold into about 30k distinct histories (1M into about 108k), so fit
        // time grows much more slowly than the customer count.
        var histories = BtydSimulator.BetaGeometric(0.243, 4.414, 0.793, 2.426, new SimulationDesign(100_000), new Random(1));

        var data = GroupedHistories.From(histories);

        Assert.Equal(100_000, data.Customers);
        Assert.True(data.Count < 35_000, $"{data.Count} distinct histories");
    }

    private static void AssertRecovered(IPurchaseLikelihood likelihood, CustomerHistory[] histories, double[] truth, double relative)
    {
        var data = GroupedHistories.From(histories);
        var fit = PurchaseModelFitter.Fit(likelihood, data);

        Assert.True(fit.Converged, fit.Reason);
        var estimates = fit.Model!.Parameters.Select(p => p.Value).ToArray();
        for (var i = 0; i < truth.Length; i++)
        {
            Assert.True(Math.Abs(estimates[i] - truth[i]) <= relative * truth[i],
                $"{likelihood.ParameterNames[i]}: estimated {estimates[i]}, true {truth[i]}");
        }

        Assert.True(fit.LogLikelihood >= likelihood.LogLikelihood(truth, data, []));
    }

    private static double Tolerance(double value, double relative) => value * relative;
}
