namespace Segments.Core.Numerics;

/// <summary>
/// A log-likelihood over positive parameters: returns its value and, when <paramref name="gradient"/> is not
/// empty, writes the derivative with respect to each parameter. Non-finite where it cannot be evaluated.
/// </summary>
public delegate double LogLikelihoodFunction(ReadOnlySpan<double> parameters, Span<double> gradient);
