using System.IO.Compression;
using System.Text;
using Sylvan.Data.Csv;

namespace Segments.Core.Ingest.Records;

/// <summary>
/// Opens any export as records, whatever it holds (orders or customer profiles): gzip detected from the
/// magic bytes (a <c>.gz</c> name on plain data is refused), the size and expansion limits, JSON Lines from
/// the first character, a headerless whitespace layout when the caller recognises the first line, else
/// delimited text with its separator detected from the header.
/// </summary>
public static class ExportInput
{
    private const int SniffBytes = 64 * 1024;

    /// <summary>
    /// Opens <paramref name="stream"/> (the caller keeps owning it). <paramref name="headerlessColumns"/> gets the
    /// first line and returns the column names when it is a headerless whitespace layout, else null.
    /// Returns the reason instead when the file cannot be read as an export at all.
    /// </summary>
    public static async Task<(OpenedExport? Export, string? Rejection)> OpenAsync(
        Stream stream,
        ExportSource file,
        IngestOptions options,
        Func<string, IReadOnlyList<string>?>? headerlessColumns,
        CancellationToken cancellationToken)
    {
        try
        {
            return await OpenCoreAsync(stream, file, options, headerlessColumns, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (FileLevelReason(ex, line: 1) is { } reason)
        {
            return (null, reason);
        }
    }

    /// <summary>The reason a file as a whole cannot be read, for the exceptions reading may raise; null for any other.</summary>
    public static string? FileLevelReason(Exception ex, long line) => ex switch
    {
        ExportRejectedException rejected => rejected.Reason,
        RecordTooLongException tooLong => tooLong.Message,
        CsvRecordTooLargeException => $"line {line} or a record after it is longer than the limit for one record (setting Segments:Ingest:MaxRecordChars)",
        CsvFormatException format when format.Message.Contains("without a closing quote", StringComparison.Ordinal) =>
            $"line {line}: a quoted field starts on this line and is never closed (the file ends inside it)",
        CsvFormatException format => $"line {line}: the file is not valid CSV: {format.Message}",
        InvalidDataException corrupt => $"the gzip data is corrupt: {corrupt.Message}",
        _ => null,
    };

    private static async Task<(OpenedExport? Export, string? Rejection)> OpenCoreAsync(
        Stream stream,
        ExportSource file,
        IngestOptions options,
        Func<string, IReadOnlyList<string>?>? headerlessColumns,
        CancellationToken cancellationToken)
    {
        var (prepared, rejection) = await PrepareAsync(stream, file, options, cancellationToken).ConfigureAwait(false);
        return prepared is null
            ? (null, rejection)
            : await OpenRecordsAsync(prepared, options, headerlessColumns, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The first step of <see cref="OpenAsync"/>: gzip and the limits put around the content, and its first
    /// bytes read for sniffing (they are replayed). Callers with a reader of their own for some layouts (the
    /// parallel chunked parser of order exports) take it from here; exceptions as for <see cref="OpenAsync"/>.
    /// </summary>
    public static async Task<(PreparedExport? Export, string? Rejection)> PrepareAsync(Stream stream, ExportSource file, IngestOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        var fileName = file.Name;
        var (encoding, unknown) = DeclaredEncoding.Resolve(file.EncodingName);
        if (unknown is not null)
        {
            return (null, unknown);
        }

        var magic = await ReplayStream.ReadPrefixAsync(stream, 2, cancellationToken).ConfigureAwait(false);
        // The caller owns the stream (it may still need it, e.g. to finish a content hash).
        Stream content = new ReplayStream(magic, stream, leaveOpen: true);
        var gzip = magic is [0x1f, 0x8b];
        if (!gzip && fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "the name ends in .gz but the content is not gzip data");
        }

        if (gzip)
        {
            var compressed = new CompressedInput(content);
            content = new GuardedStream(new GzipContent(compressed), options.MaxFileBytes, () => compressed.BytesRead, options.MaxGzipExpansion);
        }
        else
        {
            content = new GuardedStream(content, options.MaxFileBytes);
        }

        if (file.Digest is { } digest)
        {
            content = digest.Observe(content);
        }

        var head = await ReplayStream.ReadPrefixAsync(content, SniffBytes, cancellationToken).ConfigureAwait(false);
        content = new ReplayStream(head, content);
        var firstLine = FirstLine(head);
        return firstLine.Trim().Length == 0
            ? (null, "the file is empty: no header line")
            : (new PreparedExport(content, head, firstLine, gzip) { Encoding = encoding }, null);
    }

    /// <summary>
    /// The second step: JSON Lines from the first character, a headerless whitespace layout when
    /// <paramref name="headerlessColumns"/> recognises the first line, else delimited text.
    /// </summary>
    public static async Task<(OpenedExport? Export, string? Rejection)> OpenRecordsAsync(
        PreparedExport prepared,
        IngestOptions options,
        Func<string, IReadOnlyList<string>?>? headerlessColumns,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(options);
        // UTF-8 is checked on the way (never silently replaced); a declared encoding is decoded as declared.
        var check = prepared.Encoding is null ? new Utf8Check(prepared.Content) : null;
        var text = new StreamReader(check ?? prepared.Content, prepared.Encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        IRecordSource source;
        string format;
        if (prepared.IsJsonLines)
        {
            var (json, problem) = await JsonLinesRecordSource.OpenAsync(text, options.MaxRecordChars, cancellationToken).ConfigureAwait(false);
            if (json is null)
            {
                return (null, problem);
            }

            (source, format) = (json, "jsonl");
        }
        else if (headerlessColumns?.Invoke(prepared.FirstLine) is { } columns)
        {
            (source, format) = (new WhitespaceRecordSource(text, columns, options.MaxRecordChars), "whitespace");
        }
        else
        {
            (source, format) = (await CsvRecordSource.OpenAsync(text, options.MaxRecordChars, cancellationToken).ConfigureAwait(false), "csv");
        }

        if (TooWide(source.Columns.Count, options) is { } tooWide)
        {
            await source.DisposeAsync().ConfigureAwait(false);
            return (null, tooWide);
        }

        if (check?.FirstInvalidUpTo(1) is { } offset)
        {
            await source.DisposeAsync().ConfigureAwait(false);
            return (null, "line 1 (the header): " + Utf8Check.Describe(offset));
        }

        return (new OpenedExport(source, prepared.Gzip ? format + "+gzip" : format) { Check = check }, null);
    }

    /// <summary>Why a header of <paramref name="columns"/> columns is refused (never the header itself: it may be huge), or null.</summary>
    public static string? TooWide(int columns, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return columns > options.MaxColumns
            ? $"the header has {columns:N0} columns, more than the {options.MaxColumns:N0} allowed (setting Segments:Ingest:MaxColumns)"
            : null;
    }

    /// <summary>A header's columns for a reason: the first few, and how many more there are.</summary>
    public static string ListColumns(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        const int shown = 20;
        const int longest = 40;
        var names = columns.Take(shown).Select(c => c.Length <= longest ? c : string.Concat(c.AsSpan(0, longest), "…"));
        return string.Join(",", names) + (columns.Count > shown ? $",… ({columns.Count - shown:N0} more)" : string.Empty);
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
}

/// <summary>An export opened as records.</summary>
/// <param name="Source">Its records; the receiver disposes it.</param>
/// <param name="Format">Container format: <c>csv</c>, <c>jsonl</c> or <c>whitespace</c>, with <c>+gzip</c> when compressed.</param>
public sealed record OpenedExport(IRecordSource Source, string Format)
{
    /// <summary>The UTF-8 check of its bytes (null when the file declares another encoding): rows holding invalid bytes are row errors.</summary>
    public Utf8Check? Check { get; init; }
}

/// <summary>An export's content with gzip and the limits applied, and what its first bytes say.</summary>
/// <param name="Content">The decompressed, guarded content from its first byte.</param>
/// <param name="Head">Its first bytes (up to 64 KiB), already part of <paramref name="Content"/>.</param>
/// <param name="FirstLine">The first line, without BOM and line end.</param>
/// <param name="Gzip">Whether the stored bytes are gzip.</param>
public sealed record PreparedExport(Stream Content, byte[] Head, string FirstLine, bool Gzip)
{
    /// <summary>The encoding the file declares; null for UTF-8, which is checked.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>JSON Lines start with an object.</summary>
    public bool IsJsonLines => FirstLine.TrimStart().StartsWith('{');
}
