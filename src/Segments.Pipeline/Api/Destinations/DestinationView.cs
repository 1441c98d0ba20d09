namespace Segments.Pipeline.Api.Destinations;

/// <summary>
/// A destination as the API shows it: its settings without the secret (only whether one is set) and without the URL's
/// query string (it may carry a token), its delivery counts over every run, by run, and its last error.
/// </summary>
public sealed record DestinationView
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary><c>webhook</c>, <c>eventgrid</c> or <c>audience-files</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Scheme, host and path of the URL; null for audience files.</summary>
    public string? Url { get; init; }

    /// <summary>Whether a signing secret is configured (the secret itself is never returned).</summary>
    public bool SecretSet { get; init; }

    /// <summary>Segment ids and families followed.</summary>
    public required IReadOnlyList<string> Segments { get; init; }

    /// <summary><c>entered</c> and/or <c>exited</c>.</summary>
    public required IReadOnlyList<string> Events { get; init; }

    /// <summary>The consent channel required; null for none.</summary>
    public string? Consent { get; init; }

    /// <summary>Whether A/B control-group members are held back.</summary>
    public bool HoldBackControlGroup { get; init; }

    /// <summary><c>ids</c> or <c>segments</c>.</summary>
    public required string Fields { get; init; }

    /// <summary>Events per batch.</summary>
    public int BatchSize { get; init; }

    /// <summary>Followed ids or families the active run has no segment of: nothing is sent for them.</summary>
    public IReadOnlyList<string> UnknownSegments { get; init; } = [];

    /// <summary>Whether sending is paused (410 Gone) until a replay.</summary>
    public bool Paused { get; init; }

    /// <summary>Why it is paused.</summary>
    public string? PausedReason { get; init; }

    /// <summary>Batches accepted, over every run.</summary>
    public int Sent { get; init; }

    /// <summary>Batches waiting or retrying.</summary>
    public int Pending { get; init; }

    /// <summary>Pending batches whose last attempt failed.</summary>
    public int Failed { get; init; }

    /// <summary>Batches that failed every attempt.</summary>
    public int DeadLettered { get; init; }

    /// <summary>Events accepted, over every run.</summary>
    public int EventsSent { get; init; }

    /// <summary>The newest error of any delivery.</summary>
    public string? LastError { get; init; }

    /// <summary>Per run, newest first.</summary>
    public IReadOnlyList<DestinationRunView> Runs { get; init; } = [];

    /// <summary>What sending to this destination has cost so far, every run (USD; the sum of <see cref="Runs"/>' <c>costUsd</c>).</summary>
    public decimal CostUsd { get; init; }
}
