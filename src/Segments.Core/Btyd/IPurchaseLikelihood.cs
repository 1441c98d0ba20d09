namespace Segments.Core.Btyd;

/// <summary>The likelihood of one purchase model: what the fitter needs to estimate it.</summary>
public interface IPurchaseLikelihood
{
    /// <summary>Short stable name of the model.</summary>
    string Name { get; }

    /// <summary>Parameter names, in the order every span here uses.</summary>
    IReadOnlyList<string> ParameterNames { get; }

    /// <summary>
    /// The log-likelihood of <paramref name="data"/> at <paramref name="parameters"/> (all positive). When
    /// <paramref name="gradient"/> is not empty, writes the derivative with respect to each parameter into it.
    /// Returns a non-finite value where the likelihood cannot be evaluated.
    /// </summary>
    double LogLikelihood(ReadOnlySpan<double> parameters, GroupedHistories data, Span<double> gradient);

    /// <summary>Parameter vectors to start the search from; the best converged search wins.</summary>
    IReadOnlyList<double[]> StartingPoints(GroupedHistories data);

    /// <summary>The fitted model at <paramref name="parameters"/>.</summary>
    IPurchaseModel CreateModel(ReadOnlySpan<double> parameters);
}
