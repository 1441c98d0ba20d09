using Segments.Core.Btyd;

namespace Segments.Core.Tests.Btyd;

/// <summary>Helpers shared by the likelihood tests.</summary>
internal static class LikelihoodCheck
{
    /// <summary>A small, varied data set: one-time buyers and repeat buyers with different ages.</summary>
    public static GroupedHistories SmallData { get; } = GroupedHistories.From(
    [
        new CustomerHistory(0, 0, 30),
        new CustomerHistory(0, 0, 12.5, Weight: 3),
        new CustomerHistory(1, 4, 30),
        new CustomerHistory(2, 20.25, 25),
        new CustomerHistory(7, 35, 38),
        new CustomerHistory(3, 5, 38),
    ]);

    /// <summary>ln L of one history.</summary>
    public static double Single(IPurchaseLikelihood likelihood, double[] parameters, CustomerHistory history) =>
        likelihood.LogLikelihood(parameters, GroupedHistories.From([history]), []);

    /// <summary>Asserts that the gradient matches central differences of the value, component by component.</summary>
    public static void GradientMatchesFiniteDifferences(IPurchaseLikelihood likelihood, double[] parameters, GroupedHistories data, double relativeTolerance)
    {
        var gradient = new double[parameters.Length];
        likelihood.LogLikelihood(parameters, data, gradient);
        for (var i = 0; i < parameters.Length; i++)
        {
            var h = 1e-6 * parameters[i];
            var up = (double[])parameters.Clone();
            var down = (double[])parameters.Clone();
            up[i] += h;
            down[i] -= h;
            var numeric = (likelihood.LogLikelihood(up, data, []) - likelihood.LogLikelihood(down, data, [])) / (2 * h);
            Assert.True(Math.Abs(gradient[i] - numeric) <= relativeTolerance * Math.Max(1, Math.Abs(numeric)),
                $"{likelihood.ParameterNames[i]}: analytic {gradient[i]}, numeric {numeric}");
        }
    }
}
