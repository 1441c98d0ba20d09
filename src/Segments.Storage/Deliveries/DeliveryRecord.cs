namespace Segments.Storage.Deliveries;

/// <summary>A delivery's row in the Deliveries table: what it carries and how sending it went.</summary>
public sealed record DeliveryRecord
{
    /// <summary>Which delivery.</summary>
    public required DeliveryKey Key { get; init; }

    /// <summary>Where it stands.</summary>
    public required DeliveryStatus Status { get; init; }

    /// <summary>Events in the batch.</summary>
    public required int Events { get; init; }

    /// <summary>Of which entered moves.</summary>
    public int Entered { get; init; }

    /// <summary>Of which exited moves.</summary>
    public int Exited { get; init; }

    /// <summary>The blob of the <c>outbox</c> container holding the CloudEvents JSON batch, byte for byte what is sent.</summary>
    public required string PayloadBlob { get; init; }

    /// <summary>When the run wrote it.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>HTTP requests made for it so far, over every invocation of the sender.</summary>
    public int Attempts { get; init; }

    /// <summary>When it was last tried.</summary>
    public DateTimeOffset? LastAttemptAt { get; init; }

    /// <summary>When the destination accepted it.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>
    /// What the sender's executions for this delivery have cost so far (USD, every invocation, whatever it did:
    /// sent, retried, held or requeued), priced at the rates file; 0 before the first.
    /// </summary>
    public decimal CostUsd { get; init; }

    /// <summary>Sender executions (queue messages handled) that <see cref="CostUsd"/> adds up.</summary>
    public int SenderExecutions { get; init; }

    /// <summary>Why the last attempt failed (status code or error), never the secret or the payload.</summary>
    public string? LastError { get; init; }
}
