namespace Segments.Core.Uplift;

/// <summary>What one customer of an experiment did between the two runs compared.</summary>
/// <param name="Treatment">True for the treatment group, false for control.</param>
/// <param name="Orders">Orders placed in the window.</param>
/// <param name="Revenue">Net revenue in the window.</param>
public readonly record struct GroupOutcome(bool Treatment, int Orders, double Revenue);
