namespace Segments.Core.Btyd;

/// <summary>One estimated parameter of a fitted model, by the name the source paper gives it.</summary>
public sealed record ModelParameter(string Name, double Value);
