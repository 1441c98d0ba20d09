using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Segments.Core.Ingest;
using Segments.Core.Profiles;
using Segments.Core.Profiles.Mappings;
using Segments.Storage.Blobs;

namespace Segments.Pipeline.Ingest;

/// <summary>
/// Builds the store's context for each customer export: the configured ingest rules (limits, bad-row threshold,
/// e-mail hash key: the same as for orders) plus the built-in profile layouts and any in
/// <c>config/profile-mappings/</c>, read fresh so that a new mapping applies to the next upload.
/// </summary>
public sealed partial class ProfileContextLoader(ConfigStore config, IOptions<IngestOptions> options, ILogger<ProfileContextLoader> logger)
{
    /// <summary>The context for the next customer export. An invalid mapping file is logged and left out, never fatal.</summary>
    public async Task<ProfileExportContext> LoadAsync(CancellationToken cancellationToken)
    {
        var mappings = new List<ProfileMapping>();
        foreach (var (name, json) in await config.ReadMappingsAsync(ConfigStore.ProfileMappingsPrefix, cancellationToken).ConfigureAwait(false))
        {
            var (mapping, problems) = ProfileMappingCatalog.Parse(json, name);
            if (mapping is null)
            {
                LogInvalidMapping(string.Join("; ", problems));
            }
            else
            {
                mappings.Add(mapping);
            }
        }

        return new ProfileExportContext(options.Value, ProfileMappingCatalog.BuiltIn.With(mappings));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring a customer export mapping: {Problems}")]
    private partial void LogInvalidMapping(string problems);
}
