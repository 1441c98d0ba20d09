namespace Segments.Pipeline.Api;

/// <summary>The health answer.</summary>
/// <param name="Status">Always <c>ok</c> when the host answers.</param>
public sealed record HealthView(string Status);
