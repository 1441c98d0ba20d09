namespace Segments.Core.Destinations;

/// <summary>Bounds of a destination's settings.</summary>
public static class DestinationLimits
{
    /// <summary>Events per batch when the destination does not say.</summary>
    public const int DefaultBatchSize = 100;

    /// <summary>
    /// The largest batch: Event Grid takes at most 1 MB per request, and 500 events with segment fields stay well under it.
    /// </summary>
    public const int MaxBatchSize = 500;

    /// <summary>Shortest signing key in bytes (Standard Webhooks: 24 to 64 random bytes).</summary>
    public const int MinSecretBytes = 24;

    /// <summary>Longest signing key in bytes.</summary>
    public const int MaxSecretBytes = 64;
}
