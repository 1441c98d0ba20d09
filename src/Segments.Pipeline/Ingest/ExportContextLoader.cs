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
{
    /// <summary>The context for the next batch. An invalid mapping file is logged and left out, never fatal.</summary>
    public async Task<ExportContext> LoadAsync(CancellationToken cancellationToken)
    {
        var mappings = new List<ExportMapping>();
        foreach (var (name, json) in await config.ReadMappingsAsync(cancellationToken).ConfigureAwait(false))
        {
            var (mapping, problems) = MappingCatalog.Parse(json, name);
            if (mapping is null)
            {
                LogInvalidMapping(string.Join("; ", problems));
            }
            else
            {
                mappings.Add(mapping);
            }
        }

        return new ExportContext(options.Value, MappingCatalog.BuiltIn.With(mappings));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring an export mapping: {Problems}")]
    private partial void LogInvalidMapping(string problems);
}
