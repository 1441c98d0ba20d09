using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using Segments.Core.Ingest.Mappings;
using Segments.Core.Ingest.Records;
using Sylvan.Data.Csv;

namespace Segments.Core.Ingest;

/// <summary>
/// Streams an export row by row: gzip is detected from the magic bytes (or a <c>.gz</c> name), JSON Lines
/// from the first character, a headerless layout from its first line, and a delimited file's layout from
/// its header. Every data row comes back as a <see cref="ParsedRow"/>; the file is never held whole.
/// </summary>
public sealed class TransactionFileReader : IAsyncDisposable
{
    private const int SniffBytes = 64 * 1024;

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
        catch (Exception ex) when (FileLevelReason(ex, line: 1) is { } reason)
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
            catch (Exception ex) when (FileLevelReason(ex, _source.Line + 1) is { } reason)
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
        var options = context.Options;
        var magic = await ReplayStream.ReadPrefixAsync(stream, 2, cancellationToken).ConfigureAwait(false);
        // The caller owns the stream (it may still need it, e.g. to finish a content hash).
        Stream content = new ReplayStream(magic, stream, leaveOpen: true);
        var gzip = magic is [0x1f, 0x8b];
        if (!gzip && file.Name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "the name ends in .gz but the content is not gzip data");
        }

        if (gzip)
        {
            var compressed = new CompressedInput(content);
            content = new GuardedStream(
                new GZipStream(compressed, CompressionMode.Decompress),
                options.MaxFileBytes,
                () => compressed.BytesRead,
                options.MaxGzipExpansion,
                onEnd: compressed.VerifyComplete);
        }
        else
        {
            content = new GuardedStream(content, options.MaxFileBytes);
        }

        var head = await ReplayStream.ReadPrefixAsync(content, SniffBytes, cancellationToken).ConfigureAwait(false);
        content = new ReplayStream(head, content);
        var firstLine = FirstLine(head);
        if (firstLine.Trim().Length == 0)
        {
            return (null, "the file is empty: no header line");
        }

        ExportMapping? mapping = null;
        if (file.MappingName is { } forced)
        {
            mapping = context.Catalog.Find(forced);
            if (mapping is null)
            {
                return (null, $"unknown mapping '{forced}'; known: {string.Join(", ", context.Catalog.Mappings.Select(m => m.Name))}");
            }
        }

        var text = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        IRecordSource source;
        string format;
        if (firstLine.TrimStart().StartsWith('{'))
        {
            var (json, problem) = await JsonLinesRecordSource.OpenAsync(text, options.MaxRecordChars, cancellationToken).ConfigureAwait(false);
            if (json is null)
            {
                return (null, problem);
            }

            (source, format) = (json, "jsonl");
        }
        else if ((mapping ??= context.Catalog.DetectHeaderless(firstLine)) is { Layout: "whitespace" } headerless)
        {
            (source, format) = (new WhitespaceRecordSource(text, headerless.Columns, options.MaxRecordChars), "whitespace");
        }
        else
        {
            (source, format) = (await CsvRecordSource.OpenAsync(text, options.MaxRecordChars, cancellationToken).ConfigureAwait(false), "csv");
        }

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

        var mapper = new RowMapper(bound, options, context.Customers);
        return (new TransactionFileReader(source, mapping, gzip ? format + "+gzip" : format, mapper), null);
    }

    private static string FirstLine(byte[] head)
    {
        var span = head.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            span = span[3..];
        }

        var end = span.IndexOf((byte)'\n');
        return Encoding.UTF8.GetString(end < 0 ? span : span[..end]).TrimEnd('\r');
    }

    private static string DescribeMismatch(MappingCatalog catalog, IReadOnlyList<string> columns) =>
        "no recognised header: expected the columns of "
        + string.Join(" or ", catalog.Mappings.Where(m => m.Detect.Count > 0).Select(m => $"{m.Name} ({string.Join(",", m.Detect)})"))
        + $"; found ({string.Join(",", columns)})";

    private static string? FileLevelReason(Exception ex, long line) => ex switch
    {
        ExportRejectedException rejected => rejected.Reason,
        RecordTooLongException tooLong => tooLong.Message,
        CsvRecordTooLargeException => $"line {line} or a record after it is longer than the limit for one record (setting Segments:Ingest:MaxRecordChars)",
        CsvFormatException format => $"line {line}: the file is not valid CSV: {format.Message}",
        InvalidDataException corrupt => $"the gzip data is corrupt: {corrupt.Message}",
        _ => null,
    };
}
