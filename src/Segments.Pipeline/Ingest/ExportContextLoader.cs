using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Segments.Core.Ingest;
using Segments.Core.Ingest.Mappings;
using Segments.Storage.Blobs;

namespace Segments.Pipeline.Ingest;

/// <summary>
/// Builds the store's export context for each batch: the configured ingest rules plus the built-in layouts
/// and any mapping files in <c>config/mappings/</c>, read fresh so that a new mapping applies to the next upload.
/// </summary>
public sealed partial class ExportContextLoader(ConfigStore config, IOptions<IngestOptions> options, ILogger<ExportContextLoader> logger)
    : MappingContextLoader<ExportMapping, ExportContext>(config, ConfigStore.MappingsPrefix)
{
    private protected override (ExportMapping? Mapping, IReadOnlyList<string> Problems) Parse(string json, string source) =>
        MappingCatalog.Parse(json, source);

    private protected override ExportContext Build(IReadOnlyList<ExportMapping> mappings) =>
        new(options.Value, MappingCatalog.BuiltIn.With(mappings));

    private protected override void ReportInvalidMapping(string problems) => LogInvalidMapping(problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring an export mapping: {Problems}")]
    private partial void LogInvalidMapping(string problems);
}
