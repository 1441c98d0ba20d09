namespace Segments.Core.Numerics;

/// <summary>The edge of the parameter space a maximum-likelihood search ran to.</summary>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="TowardsZero">True when it ran towards 0, false towards infinity.</param>
public sealed record ParameterEdge(string Parameter, bool TowardsZero);
