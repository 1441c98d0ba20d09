using Segments.Core.Ingest;
using Segments.Core.Ingest.Records;
using Segments.Core.Profiles.Mappings;

namespace Segments.Core.Profiles;

/// <summary>
/// Opens a customer export to be read row by row (<see cref="RecordFileReader{TMapping, TRow}"/>) with the same container handling as order exports
/// (<see cref="ExportInput"/>: CSV with any separator, JSON Lines, gzip, size and expansion limits); the layout
/// is detected from the header among the profile mappings, or forced by name.
/// </summary>
public static class ProfileFileReader
{
    /// <summary>Opens a file and binds a mapping; the reason instead when it cannot be read as a customer export. The caller owns <paramref name="stream"/>.</summary>
    public static async Task<(RecordFileReader<ProfileMapping, ParsedProfileRow>? Reader, string? Rejection)> OpenAsync(Stream stream, ExportSource file, ProfileExportContext context, CancellationToken cancellationToken)
    {
        ProfileMapping? mapping = null;
        if (file.MappingName is { } forced)
        {
            (mapping, var unknown) = context.Catalog.FindForced(forced);
            if (mapping is null)
            {
                return (null, unknown);
            }
        }

        var (opened, rejection) = await ExportInput.OpenAsync(stream, file, context.Options, headerlessColumns: null, cancellationToken).ConfigureAwait(false);
        if (opened is null)
        {
            return (null, rejection);
        }

        var source = opened.Source;
        mapping ??= context.Catalog.DetectByColumns(source.Columns);
        var (bound, problem) = mapping is null
            ? (null, context.Catalog.DescribeMismatch(source.Columns))
            : BoundProfileMapping.Bind(mapping, source.Columns);
        if (bound is null)
        {
            await source.DisposeAsync().ConfigureAwait(false);
            return (null, problem);
        }

        return (new RecordFileReader<ProfileMapping, ParsedProfileRow>(source, opened.Check, mapping!, opened.Format, new ProfileRowMapper(bound, context.Customers)), null);
    }
}
