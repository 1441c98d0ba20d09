namespace Segments.Pipeline.Tracking;

/// <summary>
/// The size limits of the Segment HTTP Tracking API, as Segment documents them ("Max request size": 32 KB per call
/// and per message of a batch, 500 KB per batch) and as its SDKs obey them (analytics-node sizes its batches to
/// 480 KB "leaving some padding" under the 500 KB limit, and refuses an event over 32 KB). Not settings: an SDK
/// built for Segment's limits fits these, and larger ones would only let one request hold more than a retry resends.
/// </summary>
public static class TrackingLimits
{
    /// <summary>Largest message, and largest body of a single call (<c>/v1/track</c> …): 32 KB.</summary>
    public const int MaxMessageBytes = 32 * 1024;

    /// <summary>Largest body of <c>/v1/batch</c>, and so of any tracking request: 500 KB.</summary>
    public const int MaxBatchBytes = 500 * 1024;

    /// <summary>How the batch limit is named in a 413 (<see cref="Api.RequestBodyTooLargeException"/>).</summary>
    public const string BatchLimitName = "the Segment tracking API's limit of 500 KB per batch";
}
