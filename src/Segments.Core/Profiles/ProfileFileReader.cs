using Segments.Core.Ingest;
using Segments.Core.Ingest.Records;
using Segments.Core.Profiles.Mappings;

namespace Segments.Core.Profiles;

/// <summary>
/// Streams a customer export row by row with the same container handling as order exports
/// (<see cref="ExportInput"/>: CSV with any separator, JSON Lines, gzip, size and expansion limits); the layout
/// is detected from the header among the profile mappings, or forced by name.
/// </summary>
public sealed class ProfileFileReader : IAsyncDisposable
{
    private readonly IRecordSource _source;
    private readonly ProfileRowMapper _mapper;
    private readonly Utf8Check? _check;

    private ProfileFileReader(IRecordSource source, Utf8Check? check, ProfileMapping mapping, string format, ProfileRowMapper mapper)
    {
        _source = source;
        _check = check;
        Mapping = mapping;
        Format = format;
        _mapper = mapper;
    }

    /// <summary>The layout the file is read with.</summary>
    public ProfileMapping Mapping { get; }

    /// <summary>Container format: <c>csv</c> or <c>jsonl</c>, with <c>+gzip</c> when compressed.</summary>
    public string Format { get; }

    /// <summary>Opens a file and binds a mapping; the reason instead when it cannot be read as a customer export. The caller owns <paramref name="stream"/>.</summary>
    public static async Task<(ProfileFileReader? Reader, string? Rejection)> OpenAsync(Stream stream, ExportSource file, ProfileExportContext context, CancellationToken cancellationToken)
    {
        ProfileMapping? mapping = null;
        if (file.MappingName is { } forced)
        {
            mapping = context.Catalog.Find(forced);
            if (mapping is null)
            {
                return (null, $"unknown profile mapping '{forced}'; known: {string.Join(", ", context.Catalog.Mappings.Select(m => m.Name))}");
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
            ? (null, "no recognised customer export header: expected the columns of "
                + string.Join(" or ", context.Catalog.Mappings.Select(m => $"{m.Name} ({string.Join(",", m.Detect.Concat(m.DetectAny.Count > 0 ? [string.Join(" or ", m.DetectAny)] : []))})"))
                + $"; found ({ExportInput.ListColumns(source.Columns)})")
            : BoundProfileMapping.Bind(mapping, source.Columns);
        if (bound is null)
        {
            await source.DisposeAsync().ConfigureAwait(false);
            return (null, problem);
        }

        return (new ProfileFileReader(source, opened.Check, mapping!, opened.Format, new ProfileRowMapper(bound, context.Customers)), null);
    }

    /// <summary>Every data row, in file order; a problem with the file as a whole ends the read with <see cref="ExportRejectedException"/>.</summary>
    public IAsyncEnumerable<ParsedProfileRow> ReadRowsAsync(CancellationToken cancellationToken) =>
        ExportRecordRows.ReadAsync(_source, _mapper, _check, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
