using Segments.Core.Btyd;

namespace Segments.Core.Tests.Btyd;

public sealed class BgNbdLikelihoodTests
{
    private static readonly double[] Ones = [1, 1, 1, 1];

    [Fact]
    public void One_time_buyer_likelihood_is_the_chance_of_no_purchase_in_T()
    {
        // With x = 0, eq. (6) reduces to (α/(α + T))^r; r = α = 1, T = 1 gives 1/2.
        var ll = LikelihoodCheck.Single(new BgNbdLikelihood(), Ones, new CustomerHistory(0, 0, 1));

        Assert.Equal(Math.Log(0.5), ll, 12);
    }

    [Fact]
    public void Repeat_buyer_likelihood_matches_eq_6_by_hand()
    {
        // x = 1, t_x = 1, T = 2, all parameters 1: B(1,2)/B(1,1)·1/3² + B(2,1)/B(1,1)·1/2² = 1/18 + 1/8 = 13/72.
        var ll = LikelihoodCheck.Single(new BgNbdLikelihood(), Ones, new CustomerHistory(1, 1, 2));

        Assert.Equal(Math.Log(13.0 / 72), ll, 12);
    }

    [Fact]
    public void Gradient_matches_finite_differences()
    {
        LikelihoodCheck.GradientMatchesFiniteDifferences(new BgNbdLikelihood(), [0.3, 4.1, 0.8, 2.5], LikelihoodCheck.SmallData, 1e-6);
    }

    [Fact]
    public void Grouped_weights_give_the_same_likelihood_as_repeated_customers()
    {
        var likelihood = new BgNbdLikelihood();
        double[] parameters = [0.3, 4.1, 0.8, 2.5];
        var repeated = GroupedHistories.From(Enumerable.Repeat(new CustomerHistory(2, 10, 30), 5).Append(new CustomerHistory(0, 0, 30)));
        var weighted = GroupedHistories.From([new CustomerHistory(2, 10, 30, Weight: 5), new CustomerHistory(0, 0, 30)]);

        Assert.Equal(2, repeated.Count);
        Assert.Equal(likelihood.LogLikelihood(parameters, repeated, []), likelihood.LogLikelihood(parameters, weighted, []), 10);
    }

    [Fact]
    public void Large_data_is_summed_in_chunks_to_the_same_value()
    {
        // More rows than one chunk: the parallel, chunked sum must equal a plain sum over single histories.
        var histories = Enumerable.Range(0, 20_000).Select(i => new CustomerHistory(i % 5, i % 5 == 0 ? 0 : 1 + (i % 97), 100 + (i % 89))).ToList();
        var data = GroupedHistories.From(histories);
        var likelihood = new BgNbdLikelihood();
        double[] parameters = [0.3, 4.1, 0.8, 2.5];
        Assert.True(data.Count > Segments.Core.Numerics.ChunkedSum.ChunkRows);

        var chunked = likelihood.LogLikelihood(parameters, data, []);
        var plain = data.Rows().Sum(h => LikelihoodCheck.Single(likelihood, parameters, h with { Weight = 1 }) * h.Weight);

        Assert.Equal(plain, chunked, 6);
    }
}
