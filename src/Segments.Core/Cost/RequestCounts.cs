namespace Segments.Core.Cost;

/// <summary>Requests to one storage service, by kind.</summary>
public sealed record RequestCounts(long Read, long Write, long List, long Delete, long Other)
{
    /// <summary>No requests.</summary>
    public static RequestCounts None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Every request, whatever its kind.</summary>
    public long Total => Read + Write + List + Delete + Other;

    /// <summary>The requests of one kind.</summary>
    public long this[RequestKind kind] => kind switch
    {
        RequestKind.Read => Read,
        RequestKind.Write => Write,
        RequestKind.List => List,
        RequestKind.Delete => Delete,
        RequestKind.Other => Other,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown request kind."),
    };

    /// <summary>These counts plus <paramref name="count"/> requests of <paramref name="kind"/>.</summary>
    public RequestCounts Add(RequestKind kind, long count = 1) => kind switch
    {
        RequestKind.Read => this with { Read = Read + count },
        RequestKind.Write => this with { Write = Write + count },
        RequestKind.List => this with { List = List + count },
        RequestKind.Delete => this with { Delete = Delete + count },
        RequestKind.Other => this with { Other = Other + count },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown request kind."),
    };

    /// <summary>The sum of two counts.</summary>
    public RequestCounts Plus(RequestCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Read + other.Read, Write + other.Write, List + other.List, Delete + other.Delete, Other + other.Other);
    }
}
