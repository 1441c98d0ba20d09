using Segments.Core.Ingest;
using Segments.Core.Ingest.Mappings;
using Segments.Core.Profiles;
using Segments.Core.Profiles.Mappings;
using Segments.Core.Tests.Ingest;

namespace Segments.Core.Tests.Profiles;

/// <summary>Everything <see cref="ProfileExportProcessor"/> said about one customer export: the report, the accepted records and the row errors.</summary>
internal sealed record ProcessedProfiles(ProfileIngestReport Report, IReadOnlyList<ProfileRecord> Records, IReadOnlyList<RowError> Errors)
{
    public static readonly DateTimeOffset BatchTime = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Default rules, except that a bad row does not reject the file, so each row can be looked at.</summary>
    public static IngestOptions Lenient { get; } = new() { MaxRejectedFraction = 1 };

    public static Task<ProcessedProfiles> ProcessAsync(string text, IngestOptions? options = null, string name = "customers.csv", string? mappingName = null) =>
        ProcessAsync(ExportBytes.Utf8(text), options, name, mappingName);

    public static async Task<ProcessedProfiles> ProcessAsync(byte[] bytes, IngestOptions? options = null, string name = "customers.csv", string? mappingName = null)
    {
        var processor = new ProfileExportProcessor(new ProfileExportContext(options ?? Lenient, MappingCatalog<ProfileMapping>.BuiltIn));
        var records = new List<ProfileRecord>();
        var errors = new List<RowError>();
        using var stream = new MemoryStream(bytes);
        var report = await processor.ProcessAsync(
            stream,
            new ExportSource(name, mappingName),
            BatchTime,
            record =>
            {
                records.Add(record);
                return ValueTask.CompletedTask;
            },
            error =>
            {
                errors.Add(error);
                return ValueTask.CompletedTask;
            },
            CancellationToken.None);
        return new ProcessedProfiles(report, records, errors);
    }
}
