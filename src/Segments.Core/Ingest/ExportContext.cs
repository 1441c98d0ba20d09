using Segments.Core.Ingest.Mappings;
using Segments.Core.Ingest.Records;
using Segments.Core.Transactions;

namespace Segments.Core.Ingest;

/// <summary>A store's ingestion settings and known export layouts: what every reader of its exports shares.</summary>
public sealed record ExportContext(IngestOptions Options, MappingCatalog<ExportMapping> Catalog)
{
    /// <summary>Built-in layouts and default rules.</summary>
    public static ExportContext Default { get; } = new(new IngestOptions(), MappingCatalog<ExportMapping>.BuiltIn);

    /// <summary>How this store normalises customer ids.</summary>
    public CustomerIdPolicy Customers { get; } = new(Options);
}

/// <summary>What is known about one file before reading it.</summary>
/// <param name="Name">File or blob name (a <c>.gz</c> suffix means gzip).</param>
/// <param name="MappingName">Forces this mapping instead of detecting one from the header.</param>
public sealed record ExportSource(string Name, string? MappingName = null)
{
    /// <summary>
    /// The text encoding the file declares (blob metadata <c>encoding</c>, e.g. <c>windows-1252</c>); null for
    /// UTF-8, which is then checked: bytes that are not UTF-8 are row errors, never silently replaced.
    /// </summary>
    public string? EncodingName { get; init; }

    /// <summary>When set, receives the SHA-256 of the decompressed content as it is read (the blob trigger's duplicate check).</summary>
    public ContentDigest? Digest { get; init; }
}
