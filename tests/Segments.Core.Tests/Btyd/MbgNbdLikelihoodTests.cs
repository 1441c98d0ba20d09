using Segments.Core.Btyd;

namespace Segments.Core.Tests.Btyd;

public sealed class MbgNbdLikelihoodTests
{
    [Fact]
    public void One_time_buyer_may_have_left_right_after_the_first_purchase()
    {
        // x = 0, T = 1, all parameters 1: B(1,2)/B(1,1)·(1/2)^1 + B(2,1)/B(1,1)·1 = 1/4 + 1/2 = 3/4.
        var ll = LikelihoodCheck.Single(new MbgNbdLikelihood(), [1, 1, 1, 1], new CustomerHistory(0, 0, 1));

        Assert.Equal(Math.Log(0.75), ll, 12);
    }

    [Fact]
    public void Repeat_buyer_likelihood_matches_by_hand()
    {
        // x = 1, t_x = 1, T = 2, all parameters 1: B(1,3)·1/3² + B(2,2)·1/2² = 1/27 + 1/24.
        var ll = LikelihoodCheck.Single(new MbgNbdLikelihood(), [1, 1, 1, 1], new CustomerHistory(1, 1, 2));

        Assert.Equal(Math.Log((1.0 / 27) + (1.0 / 24)), ll, 12);
    }

    [Fact]
    public void Gradient_matches_finite_differences()
    {
        LikelihoodCheck.GradientMatchesFiniteDifferences(new MbgNbdLikelihood(), [0.5, 6.2, 0.9, 1.6], LikelihoodCheck.SmallData, 1e-6);
    }
}
