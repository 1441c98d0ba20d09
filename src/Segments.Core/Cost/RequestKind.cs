namespace Segments.Core.Cost;

/// <summary>
/// What a storage request is billed as. Blob Storage (general purpose v2) prices read, write, "list and create
/// container" and other operations differently and deletes not at all; Table Storage bills every request as
/// one transaction whatever its kind. docs/cost.md maps each REST operation to its kind.
/// </summary>
public enum RequestKind
{
    /// <summary>Reads data: Get Blob (each ranged GET of a streamed download), a table point read, a queue receive or peek.</summary>
    Read,

    /// <summary>Writes data: Put Blob, Put Block, Put Block List, a table insert, upsert or batch, create table, put message.</summary>
    Write,

    /// <summary>Lists, and what Azure bills with listings: List Blobs, List Containers, Create Container, a table query.</summary>
    List,

    /// <summary>Deletes a blob, container, table, entity or message (free for blobs and containers).</summary>
    Delete,

    /// <summary>Everything else: properties, metadata, leases, ACLs, service properties.</summary>
    Other,
}
