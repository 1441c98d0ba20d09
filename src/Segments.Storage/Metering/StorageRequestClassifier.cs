using System.Web;
using Segments.Core.Cost;

namespace Segments.Storage.Metering;

/// <summary>
/// Tells from a REST request's method, path and query what Azure bills it as (docs/cost.md has the table).
/// Blob requests follow Microsoft's "Map each REST operation to a price" for general purpose v2 accounts;
/// table and queue requests are sorted by what they do, since every table request is one transaction.
/// </summary>
public static class StorageRequestClassifier
{
    /// <summary>The kind of one request. <paramref name="query"/> may start with '?'.</summary>
    public static RequestKind Classify(StorageService service, string method, string path, string query)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var parameters = HttpUtility.ParseQueryString(query ?? string.Empty);
        var comp = parameters["comp"]?.ToLowerInvariant();
        var restype = parameters["restype"]?.ToLowerInvariant();
        return service switch
        {
            StorageService.Blob => Blob(method.ToUpperInvariant(), comp, restype),
            StorageService.Table => Table(method.ToUpperInvariant(), path, comp),
            StorageService.Queue => Queue(method.ToUpperInvariant(), comp),
            _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Unknown storage service."),
        };
    }

    private static RequestKind Blob(string method, string? comp, string? restype) => (method, comp, restype) switch
    {
        // List Blobs, List Containers, Find Blobs by Tags; and Create Container, which Azure bills as a listing.
        ("GET", "list" or "blobs", _) => RequestKind.List,
        ("PUT", null, "container") => RequestKind.List,
        ("PUT", "undelete", "container") => RequestKind.List,
        // Get Blob, whole or one range of a streamed download; Query Blob Contents.
        ("GET", null, null) => RequestKind.Read,
        ("POST", "query", _) => RequestKind.Read,
        // Put Blob (also Copy Blob and Put Blob from URL), blocks and block lists, appends, pages, seal,
        // undelete and tier changes (a tier-down is a write; a tier-up, billed as a read, is not used here).
        ("PUT", null, null) => RequestKind.Write,
        ("PUT", "block" or "blocklist" or "appendblock" or "page" or "seal" or "undelete" or "tier", _) => RequestKind.Write,
        // Delete Blob and Delete Container are free; deleting an immutability policy or legal hold is not.
        ("DELETE", null, _) => RequestKind.Delete,
        // Properties, metadata, tags, ACLs, leases, snapshots, copy aborts, block lists read, service calls.
        _ => RequestKind.Other,
    };

    private static RequestKind Table(string method, string path, string? comp)
    {
        if (comp is not null)
        {
            // ACLs, service properties and statistics.
            return RequestKind.Other;
        }

        var resource = LastSegment(path);
        if (resource == "$batch")
        {
            // An entity group transaction is billed as one transaction, however many entities it holds.
            return method == "POST" ? RequestKind.Write : RequestKind.Other;
        }

        var isTables = resource == "Tables" || resource.StartsWith("Tables(", StringComparison.Ordinal);
        var isEntity = !isTables && resource.Contains("PartitionKey=", StringComparison.Ordinal);
        return method switch
        {
            // Query Tables or Query Entities (each page of a query is a request of its own); a point read.
            "GET" => isEntity ? RequestKind.Read : RequestKind.List,
            // Create Table, Insert Entity.
            "POST" => RequestKind.Write,
            // Update (PUT), Merge (MERGE, or PATCH as some clients send it).
            "PUT" or "MERGE" or "PATCH" => RequestKind.Write,
            // Delete Table, Delete Entity.
            "DELETE" => RequestKind.Delete,
            _ => RequestKind.Other,
        };
    }

    // Queue requests without a comp parameter are message operations or create/delete queue, and the method
    // alone tells them apart (a GET is always Get or Peek Messages), so the path is not needed.
    private static RequestKind Queue(string method, string? comp) => (method, comp) switch
    {
        ("GET", "list") => RequestKind.List,
        // Metadata, ACLs, service properties and statistics.
        (_, not null) => RequestKind.Other,
        // Get Messages (receive) and Peek Messages.
        ("GET", null) => RequestKind.Read,
        // Put Message, Update Message, Create Queue.
        ("POST" or "PUT", null) => RequestKind.Write,
        // Delete Message, Clear Messages, Delete Queue.
        ("DELETE", null) => RequestKind.Delete,
        _ => RequestKind.Other,
    };

    private static string LastSegment(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return Uri.UnescapeDataString(slash < 0 ? trimmed : trimmed[(slash + 1)..]);
    }
}
