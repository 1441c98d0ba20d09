namespace Segments.Core.Cost;

/// <summary>
/// Queue Storage operation prices per 10,000 requests. Azure bills queue operations in two classes: class 1
/// changes state (Put, Update and Delete Message, Clear Messages, Create, Delete and List Queues, set metadata),
/// class 2 reads it (Get and Peek Messages, get metadata and properties).
/// </summary>
public sealed record QueueOperationRates(decimal Class1Per10k, decimal Class2Per10k)
{
    /// <summary>The price of 10,000 requests of <paramref name="kind"/>.</summary>
    public decimal Per10k(RequestKind kind) => kind switch
    {
        RequestKind.Write or RequestKind.List or RequestKind.Delete => Class1Per10k,
        // "Other" on a queue is almost always a metadata or properties read (the listener's queue-length check).
        RequestKind.Read or RequestKind.Other => Class2Per10k,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown request kind."),
    };
}
