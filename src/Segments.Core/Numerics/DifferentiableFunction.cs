namespace Segments.Core.Numerics;

/// <summary>
/// A function to minimise: returns its value at <paramref name="point"/> and writes its gradient there into
/// <paramref name="gradient"/>. Outside its domain it may return <see cref="double.PositiveInfinity"/> or
/// <see cref="double.NaN"/>; the minimiser then steps back instead of accepting the point.
/// </summary>
public delegate double DifferentiableFunction(ReadOnlySpan<double> point, Span<double> gradient);
