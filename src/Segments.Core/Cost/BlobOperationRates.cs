namespace Segments.Core.Cost;

/// <summary>Blob Storage operation prices per 10,000 requests, by the categories Azure bills (deletes are free).</summary>
public sealed record BlobOperationRates(decimal ReadPer10k, decimal WritePer10k, decimal ListAndCreateContainerPer10k, decimal OtherPer10k)
{
    /// <summary>The price of 10,000 requests of <paramref name="kind"/>.</summary>
    public decimal Per10k(RequestKind kind) => kind switch
    {
        RequestKind.Read => ReadPer10k,
        RequestKind.Write => WritePer10k,
        RequestKind.List => ListAndCreateContainerPer10k,
        RequestKind.Other => OtherPer10k,
        // Delete Blob and Delete Container are free on general purpose v2 accounts.
        RequestKind.Delete => 0m,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown request kind."),
    };
}
