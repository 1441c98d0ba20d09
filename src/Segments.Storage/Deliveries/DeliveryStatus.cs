namespace Segments.Storage.Deliveries;

/// <summary>Where one delivery (a destination's batch of one run) stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Written by the run; not yet accepted by the destination (waiting, retrying, or held by a pause).</summary>
    Pending,

    /// <summary>The destination answered 2xx.</summary>
    Sent,

    /// <summary>Every attempt failed; kept with its error until <c>POST /api/destinations/{name}/replay</c>.</summary>
    DeadLettered,

    /// <summary>Never sent: the run it belongs to failed after writing its outbox, so its moves never happened.</summary>
    Cancelled,
}
