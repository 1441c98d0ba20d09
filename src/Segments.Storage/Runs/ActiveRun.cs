namespace Segments.Storage.Runs;

/// <summary>The run whose generation lookups read.</summary>
public sealed record ActiveRun(string RunId, DateOnly AsOf, string GenerationTable, int BucketCount);
