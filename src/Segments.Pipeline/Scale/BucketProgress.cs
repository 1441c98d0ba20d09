namespace Segments.Pipeline.Scale;

/// <summary>One progress row of a bucketed run: a pass over a bucket done (or failed for good), and by whom.</summary>
/// <param name="Phase">The pass.</param>
/// <param name="Bucket">The customer bucket.</param>
/// <param name="Worker">The process that did it (machine/process id).</param>
/// <param name="Lines">Lines it folded in (pass 1), else 0.</param>
/// <param name="Error">Why it failed for good; null when done.</param>
/// <param name="Attempt">The delivery of the work item that wrote the row.</param>
public sealed record BucketProgress(string Phase, int Bucket, string Worker, long Lines, string? Error, long Attempt);
