namespace Segments.Core.Numerics;

/// <summary>When <see cref="BfgsMinimizer"/> stops.</summary>
/// <param name="GradientTolerance">Converged when every gradient component is at most this in absolute value.</param>
/// <param name="PrecisionLimitGradient">
/// When no step lowers the value any more (the value is flat to floating-point precision), the point still
/// counts as converged if every gradient component is at most this.
/// </param>
/// <param name="MaxIterations">Iterations before giving up.</param>
/// <param name="CoordinateBound">
/// A coordinate beyond ±this ends the search as diverged. The BTYD fits run on log-parameters, where 25 means a
/// parameter outside [1e-11, 7e10]: the likelihood has no interior maximum in that direction.
/// </param>
/// <param name="MaxStepPerCoordinate">No coordinate moves more than this in one line-search trial, so one bad
/// quasi-Newton direction cannot jump into overflow.</param>
public sealed record MinimizationOptions(
    double GradientTolerance = 1e-9,
    double PrecisionLimitGradient = 1e-5,
    int MaxIterations = 1000,
    double CoordinateBound = 25,
    double MaxStepPerCoordinate = 5);
