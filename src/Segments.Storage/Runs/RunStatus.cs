namespace Segments.Storage.Runs;

/// <summary>Where a recompute stands.</summary>
public static class RunStatus
{
    /// <summary>Requested, waiting for the single runner.</summary>
    public const string Queued = "queued";

    /// <summary>Computing now.</summary>
    public const string Running = "running";

    /// <summary>Its generation is written and active.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Stopped with an error; the previous generation stays active.</summary>
    public const string Failed = "failed";
}
