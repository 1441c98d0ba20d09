namespace Segments.Core.Cost;

/// <summary>Where a group of prices in the rates file comes from, and as of when.</summary>
public sealed record RateSource(string Id, string What, DateOnly AsOf);
