namespace Segments.Core.Experiments;

/// <summary>Settings of A/B control groups (configuration section <c>Segments:Experiments</c>).</summary>
public sealed record ExperimentOptions
{
    /// <summary>
    /// Secret key of the assignment hash (HMAC-SHA256). Keep it fixed: a new key reshuffles every group.
    /// Secret so that nobody can compute who is held out from a customer id. Without it, configured
    /// experiments are reported as errors and no groups are assigned.
    /// </summary>
    public string? HashKey { get; init; }
}
