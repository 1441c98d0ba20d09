namespace Segments.Core.Btyd;

/// <summary>
/// The outcome of fitting a model by maximum likelihood. When the fit fails, <see cref="Converged"/> is false,
/// <see cref="Reason"/> says why, and there is no model and no log-likelihood (rather than numbers that mean nothing).
/// </summary>
/// <param name="ModelName">The model that was fitted.</param>
/// <param name="Customers">Customers the fit used (after any exclusions named in <paramref name="Notes"/>).</param>
/// <param name="Model">The fitted model; null unless converged.</param>
/// <param name="LogLikelihood">Maximised log-likelihood; null unless converged.</param>
/// <param name="Converged">True when the optimiser met its gradient test at finite parameters.</param>
/// <param name="Reason">Why the fit failed; null when it converged.</param>
/// <param name="Iterations">Optimiser iterations over all starting points.</param>
/// <param name="Notes">Anything the caller should know about the data used (exclusions), or null.</param>
public sealed record ModelFit<TModel>(
    string ModelName,
    double Customers,
    TModel? Model,
    double? LogLikelihood,
    bool Converged,
    string? Reason,
    int Iterations,
    string? Notes = null)
    where TModel : class, IFittedModel
{
    /// <summary>A fit that could not be attempted or did not converge.</summary>
    public static ModelFit<TModel> Failed(string modelName, double customers, string reason, int iterations = 0, string? notes = null) =>
        new(modelName, customers, null, null, false, reason, iterations, notes);

    /// <summary>How the parameters were estimated (a fallback when the maximum likelihood is at the edge).</summary>
    public EstimationMethod Estimation { get; init; } = EstimationMethod.MaximumLikelihood;

    /// <summary>With a fallback estimation: what the maximum-likelihood fit ran into and what was done instead; otherwise null.</summary>
    public string? Fallback { get; init; }

    /// <summary>When the fit failed because a parameter ran to the edge of the parameter space: which, and where to.</summary>
    public Numerics.ParameterEdge? Edge { get; init; }
}
