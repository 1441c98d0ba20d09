namespace Segments.Core.Synthetic;

/// <summary>What <see cref="BehaviourEventGenerator.Write"/> wrote.</summary>
public readonly record struct BehaviourEventSummary
{
    /// <summary>Lines (messages, re-deliveries included).</summary>
    public long Lines { get; init; }

    /// <summary>Bytes, line breaks included.</summary>
    public long Bytes { get; init; }

    /// <summary>Visits.</summary>
    public long Sessions { get; init; }

    /// <summary><c>page</c> calls.</summary>
    public long PageViews { get; init; }

    /// <summary><c>Product Viewed</c> events.</summary>
    public long ProductViews { get; init; }

    /// <summary><c>Product Added</c> events.</summary>
    public long ProductAdds { get; init; }

    /// <summary><c>Checkout Started</c> events.</summary>
    public long CheckoutsStarted { get; init; }

    /// <summary><c>Order Completed</c> events.</summary>
    public long OrdersCompleted { get; init; }

    /// <summary><c>identify</c> calls.</summary>
    public long Identifies { get; init; }

    /// <summary>Messages with an anonymousId and no userId.</summary>
    public long AnonymousLines { get; init; }

    /// <summary>Lines that repeat an earlier message (same messageId), as at-least-once delivery does.</summary>
    public long RedeliveredLines { get; init; }
}
