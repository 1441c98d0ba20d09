using Segments.Core.Ingest;
using Segments.Core.Ingest.Mappings;
using Segments.Core.Profiles.Mappings;
using Segments.Core.Transactions;

namespace Segments.Core.Profiles;

/// <summary>A store's ingestion settings and customer-export layouts: what every reader of its profile exports shares.</summary>
public sealed record ProfileExportContext(IngestOptions Options, MappingCatalog<ProfileMapping> Catalog)
{
    /// <summary>Built-in layouts and default rules.</summary>
    public static ProfileExportContext Default { get; } = new(new IngestOptions(), MappingCatalog<ProfileMapping>.BuiltIn);

    /// <summary>How this store normalises customer ids: the same policy as for orders, so e-mail hashes match.</summary>
    public CustomerIdPolicy Customers { get; } = new(Options);
}
