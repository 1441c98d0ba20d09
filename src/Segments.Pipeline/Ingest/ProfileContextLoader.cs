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
    : MappingContextLoader<ProfileMapping, ProfileExportContext>(config, ConfigStore.ProfileMappingsPrefix)
{
    private protected override (ProfileMapping? Mapping, IReadOnlyList<string> Problems) Parse(string json, string source) =>
        ProfileMappingCatalog.Parse(json, source);

    private protected override ProfileExportContext Build(IReadOnlyList<ProfileMapping> mappings) =>
        new(options.Value, ProfileMappingCatalog.BuiltIn.With(mappings));

    private protected override void ReportInvalidMapping(string problems) => LogInvalidMapping(problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring a customer export mapping: {Problems}")]
    private partial void LogInvalidMapping(string problems);
}
