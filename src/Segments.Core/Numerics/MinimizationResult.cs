namespace Segments.Core.Numerics;

/// <summary>Where a minimisation ended and why.</summary>
/// <param name="Point">The last accepted point (the minimum when <paramref name="Converged"/>).</param>
/// <param name="Value">The function value at <paramref name="Point"/>.</param>
/// <param name="GradientMax">Largest absolute gradient component at <paramref name="Point"/>.</param>
/// <param name="Iterations">Quasi-Newton iterations taken.</param>
/// <param name="Evaluations">Function (and gradient) evaluations made.</param>
/// <param name="Converged">True when the gradient test was met.</param>
/// <param name="Reason">Why the search stopped without converging; null when it converged.</param>
/// <param name="DivergedCoordinate">Index of the coordinate that left the bound, when that is why it stopped.</param>
public sealed record MinimizationResult(
    IReadOnlyList<double> Point,
    double Value,
    double GradientMax,
    int Iterations,
    int Evaluations,
    bool Converged,
    string? Reason,
    int? DivergedCoordinate = null);
