namespace Segments.Core.Numerics;

/// <summary>The outcome of <see cref="MaximumLikelihood.Fit"/>.</summary>
/// <param name="Estimates">The maximising parameters; null unless converged.</param>
/// <param name="LogLikelihood">The maximised log-likelihood; NaN unless converged.</param>
/// <param name="Converged">True when at least one start converged.</param>
/// <param name="Reason">Why no start converged; null when one did.</param>
/// <param name="Iterations">Optimiser iterations over all starts run.</param>
/// <param name="StartsRun">Starting points tried.</param>
/// <param name="StartsAgreeing">Converged starts that reached the best value (to 1e-8 relative).</param>
public sealed record MaximumLikelihoodResult(
    IReadOnlyList<double>? Estimates,
    double LogLikelihood,
    bool Converged,
    string? Reason,
    int Iterations,
    int StartsRun,
    int StartsAgreeing)
{
    /// <summary>When the search failed because a parameter ran to 0 or infinity: which, and where to.</summary>
    public ParameterEdge? Edge { get; init; }
}
