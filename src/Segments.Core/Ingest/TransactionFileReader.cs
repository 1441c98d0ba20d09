using System.Runtime.CompilerServices;
using Segments.Core.Ingest.Mappings;
using Segments.Core.Ingest.Records;

namespace Segments.Core.Ingest;

/// <summary>
/// Streams an export row by row: gzip is detected from the magic bytes (or a <c>.gz</c> name), JSON Lines
/// from the first character, a headerless layout from its first line, and a delimited file's layout from
/// its header. Every data row comes back as a <see cref="ParsedRow"/>; the file is never held whole.
/// </summary>
public sealed class TransactionFileReader : IAsyncDisposable
{
    private readonly IRecordSource _source;
    private readonly RowMapper _mapper;

    private TransactionFileReader(IRecordSource source, ExportMapping mapping, string format, RowMapper mapper)
    {
        _source = source;
        Mapping = mapping;
        Format = format;
        _mapper = mapper;
    }

    /// <summary>The layout the file is read with.</summary>
    public ExportMapping Mapping { get; }

    /// <summary>Container format: <c>csv</c>, <c>jsonl</c> or <c>whitespace</c>, with <c>+gzip</c> when compressed.</summary>
    public string Format { get; }

    /// <summary>Opens a file with the built-in layouts and default rules.</summary>
    public static Task<(TransactionFileReader? Reader, string? Rejection)> OpenAsync(Stream stream, CancellationToken cancellationToken) =>
        OpenAsync(stream, new ExportSource("upload"), ExportContext.Default, cancellationToken);

    /// <summary>
    /// Sniffs the format, reads the header and binds a mapping. Returns the reason instead when the file
    /// cannot be read as an export at all; the caller owns <paramref name="stream"/> either way.
    /// </summary>
    public static async Task<(TransactionFileReader? Reader, string? Rejection)> OpenAsync(Stream stream, ExportSource file, ExportContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await OpenCoreAsync(stream, file, context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ExportInput.FileLevelReason(ex, line: 1) is { } reason)
        {
            return (null, reason);
        }
    }

    /// <summary>
    /// Every data row, in file order. A problem with the file as a whole (a record over the length limit,
    /// corrupt compression, the size limit) ends the read with <see cref="ExportRejectedException"/>.
    /// </summary>
    public async IAsyncEnumerable<ParsedRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var expectedFields = _source.Columns.Count;
        while (true)
        {
            bool more;
            try
            {
                more = await _source.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ExportInput.FileLevelReason(ex, _source.Line + 1) is { } reason)
            {
                throw new ExportRejectedException(reason, ex);
            }

            if (!more)
            {
                yield break;
            }

            var record = _source.Current;
            var line = _source.Line;
            if (_source.Problem is { } problem)
            {
                yield return ParsedRow.Reject(RowError.For(line, string.Empty, string.Empty, problem));
            }
            else if (record.FieldCount <= 1 && record.Field(0).Trim().IsEmpty)
            {
                yield return ParsedRow.Skip(line, "blank line");
            }
            else if (record.FieldCount < expectedFields)
            {
                yield return ParsedRow.Reject(RowError.For(line, string.Empty, string.Empty, $"expected {expectedFields} fields, found {record.FieldCount}"));
            }
            else
            {
                yield return _mapper.Map(record, line);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private static async Task<(TransactionFileReader? Reader, string? Rejection)> OpenCoreAsync(Stream stream, ExportSource file, ExportContext context, CancellationToken cancellationToken)
    {
        ExportMapping? mapping = null;
        if (file.MappingName is { } forced)
        {
            mapping = context.Catalog.Find(forced);
            if (mapping is null)
            {
                return (null, $"unknown mapping '{forced}'; known: {string.Join(", ", context.Catalog.Mappings.Select(m => m.Name))}");
            }
        }

        var (opened, rejection) = await ExportInput.OpenAsync(
            stream,
            file.Name,
            context.Options,
            firstLine => (mapping ??= context.Catalog.DetectHeaderless(firstLine)) is { Layout: "whitespace" } headerless ? headerless.Columns : null,
            cancellationToken).ConfigureAwait(false);
        if (opened is null)
        {
            return (null, rejection);
        }

        var source = opened.Source;
        mapping ??= context.Catalog.DetectByColumns(source.Columns);
        if (mapping is null)
        {
            await source.DisposeAsync().ConfigureAwait(false);
            return (null, DescribeMismatch(context.Catalog, source.Columns));
        }

        var (bound, missing) = BoundMapping.Bind(mapping, source.Columns);
        if (bound is null)
        {
            await source.DisposeAsync().ConfigureAwait(false);
            return (null, missing);
        }

        var mapper = new RowMapper(bound, context.Options, context.Customers);
        return (new TransactionFileReader(source, mapping, opened.Format, mapper), null);
    }

    private static string DescribeMismatch(MappingCatalog catalog, IReadOnlyList<string> columns) =>
        "no recognised header: expected the columns of "
        + string.Join(" or ", catalog.Mappings.Where(m => m.Detect.Count > 0).Select(m => $"{m.Name} ({string.Join(",", m.Detect)})"))
        + $"; found ({string.Join(",", columns)})";
}
