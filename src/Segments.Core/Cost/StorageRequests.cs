namespace Segments.Core.Cost;

/// <summary>Storage requests by service and kind.</summary>
public sealed record StorageRequests(RequestCounts Blob, RequestCounts Table, RequestCounts Queue)
{
    /// <summary>No requests.</summary>
    public static StorageRequests None { get; } = new(RequestCounts.None, RequestCounts.None, RequestCounts.None);

    /// <summary>Every request to every service.</summary>
    public long Total => Blob.Total + Table.Total + Queue.Total;

    /// <summary>The requests to one service.</summary>
    public RequestCounts this[StorageService service] => service switch
    {
        StorageService.Blob => Blob,
        StorageService.Table => Table,
        StorageService.Queue => Queue,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Unknown storage service."),
    };

    /// <summary>These requests plus <paramref name="count"/> of <paramref name="kind"/> to <paramref name="service"/>.</summary>
    public StorageRequests Add(StorageService service, RequestKind kind, long count = 1) => service switch
    {
        StorageService.Blob => this with { Blob = Blob.Add(kind, count) },
        StorageService.Table => this with { Table = Table.Add(kind, count) },
        StorageService.Queue => this with { Queue = Queue.Add(kind, count) },
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Unknown storage service."),
    };

    /// <summary>The sum of two tallies.</summary>
    public StorageRequests Plus(StorageRequests other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Blob.Plus(other.Blob), Table.Plus(other.Table), Queue.Plus(other.Queue));
    }
}
