using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Segments.Core.Ingest.Chunked;
using Segments.Core.Ingest.Mappings;
using Segments.Core.Ingest.Records;

namespace Segments.Core.Ingest;

/// <summary>
/// Streams an export row by row: gzip is detected from the magic bytes (or a <c>.gz</c> name), JSON Lines
/// from the first character, a headerless layout from its first line, and a delimited file's layout from
/// its header. Every data row comes back as a <see cref="ParsedRow"/>; the file is never held whole.
/// A delimited or JSON Lines file (plain or gzip) whose mapping keeps no state from row to row is parsed in parallel chunks
/// (<see cref="ChunkedCsvRows"/>), with the same rows in the same order as the sequential parser; for gzip, the
/// chunk splitter's task inflates while the parse tasks parse, so decompression is a stage of its own.
/// </summary>
public sealed class TransactionFileReader : IAsyncDisposable
{
    private readonly RecordFileReader<ExportMapping, ParsedRow>? _records;
    private readonly ChunkedCsvRows? _chunked;

    private TransactionFileReader(RecordFileReader<ExportMapping, ParsedRow> records)
    {
        _records = records;
        Mapping = records.Mapping;
        Format = records.Format;
    }

    private TransactionFileReader(ChunkedCsvRows chunked, ExportMapping mapping, string format)
    {
        _chunked = chunked;
        Mapping = mapping;
        Format = format;
    }

    /// <summary>The layout the file is read with.</summary>
    public ExportMapping Mapping { get; }

    /// <summary>True when the rows are parsed in parallel chunks (a UTF-8 delimited or JSON Lines file, plain or gzip, with a stateless mapping).</summary>
    internal bool IsChunked => _chunked is not null;

    /// <summary>Container format: <c>csv</c>, <c>jsonl</c> or <c>whitespace</c>, with <c>+gzip</c> when compressed.</summary>
    public string Format { get; }

    /// <summary>Opens a file with the built-in layouts and default rules.</summary>
    public static Task<(TransactionFileReader? Reader, string? Rejection)> OpenAsync(Stream stream, CancellationToken cancellationToken) =>
        OpenAsync(stream, new ExportSource("upload"), ExportContext.Default, cancellationToken);

    /// <summary>
    /// Sniffs the format, reads the header and binds a mapping. Returns the reason instead when the file
    /// cannot be read as an export at all; the caller owns <paramref name="stream"/> either way.
    /// </summary>
    public static Task<(TransactionFileReader? Reader, string? Rejection)> OpenAsync(Stream stream, ExportSource file, ExportContext context, CancellationToken cancellationToken) =>
        OpenAsync(stream, file, context, ChunkingSettings.Default, cancellationToken);

    /// <summary>As above, with the chunked parser's settings (tests make chunks tiny, or switch it off).</summary>
    internal static Task<(TransactionFileReader? Reader, string? Rejection)> OpenAsync(Stream stream, ExportSource file, ExportContext context, ChunkingSettings chunking, CancellationToken cancellationToken) =>
        OpenAsync(stream, file, context, chunking, fold: null, cancellationToken);

    /// <summary>
    /// As above; on the parallel path each chunk's accepted lines are also folded by <paramref name="fold"/> on the
    /// chunk's parse task (<see cref="RowBatch.Folded"/>), so that the reader of the rows only merges.
    /// </summary>
    internal static async Task<(TransactionFileReader? Reader, string? Rejection)> OpenAsync(Stream stream, ExportSource file, ExportContext context, ChunkingSettings chunking, IAcceptedLineFold? fold, CancellationToken cancellationToken)
    {
        try
        {
            return await OpenCoreAsync(stream, file, context, chunking, fold, cancellationToken).ConfigureAwait(false);
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
    public IAsyncEnumerable<ParsedRow> ReadRowsAsync(CancellationToken cancellationToken) =>
        _chunked is not null ? _chunked.ReadAsync(cancellationToken) : _records!.ReadRowsAsync(cancellationToken);

    /// <summary>
    /// The same rows as <see cref="ReadRowsAsync"/>, a batch at a time (a chunk's rows on the parallel path,
    /// one row per batch on the sequential one). A batch's array is valid until the next is asked for.
    /// </summary>
    internal async IAsyncEnumerable<RowBatch> ReadBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_chunked is not null)
        {
            await foreach (var batch in _chunked.ReadBatchesAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return batch;
            }

            yield break;
        }

        var single = new ParsedRow[1];
        await foreach (var row in _records!.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
        {
            single[0] = row;
            yield return new RowBatch(single, 1);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _records?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static async Task<(TransactionFileReader? Reader, string? Rejection)> OpenCoreAsync(Stream stream, ExportSource file, ExportContext context, ChunkingSettings chunking, IAcceptedLineFold? fold, CancellationToken cancellationToken)
    {
        var options = context.Options;
        ExportMapping? mapping = null;
        if (file.MappingName is { } forced)
        {
            (mapping, var unknown) = context.Catalog.FindForced(forced);
            if (mapping is null)
            {
                return (null, unknown);
            }
        }

        if (file.EncodingName is null && mapping?.Encoding is { } forcedEncoding)
        {
            file = file with { EncodingName = forcedEncoding };
        }

        var (prepared, rejection) = await ExportInput.PrepareAsync(stream, file, options, cancellationToken).ConfigureAwait(false);
        if (prepared is null)
        {
            return (null, rejection);
        }

        // A layout that declares its encoding is recognised from the header (ASCII in practice) before the
        // rest is decoded, unless the upload declares one itself.
        if (file.EncodingName is null && mapping is null && !prepared.IsJsonLines && context.Catalog.Mappings.Any(m => m.Encoding is not null)
            && CsvHeaderProbe.Probe(prepared.Head) is { } probe
            && context.Catalog.DetectByColumns(await HeaderColumnsAsync(prepared.Head[..probe.HeaderBytes], options, cancellationToken).ConfigureAwait(false)) is { Encoding: { } declared } detected)
        {
            var (encoding, unknown) = DeclaredEncoding.Resolve(declared);
            if (unknown is not null)
            {
                return (null, unknown);
            }

            (prepared, mapping) = (prepared with { Encoding = encoding }, detected);
        }

        var headerless = prepared.IsJsonLines
            ? null
            : (mapping ??= context.Catalog.DetectHeaderless(prepared.FirstLine)) is { Layout: "whitespace" } whitespace ? whitespace.Columns : null;
        if (!prepared.IsJsonLines && headerless is null && chunking.Enabled && prepared.Encoding is null
            && await OpenChunkedAsync(prepared, mapping, context, chunking, fold, cancellationToken).ConfigureAwait(false) is { } chunked)
        {
            return (chunked, null);
        }

        if (prepared.IsJsonLines && chunking.Enabled && prepared.Encoding is null && OpenChunkedJsonLines(prepared, mapping, context, chunking, fold) is { } chunkedJson)
        {
            return (chunkedJson, null);
        }

        var (opened, problem) = await ExportInput.OpenRecordsAsync(prepared, options, _ => headerless, cancellationToken).ConfigureAwait(false);
        if (opened is null)
        {
            return (null, problem);
        }

        var source = opened.Source;
        mapping ??= context.Catalog.DetectByColumns(source.Columns);
        if (mapping is null)
        {
            await source.DisposeAsync().ConfigureAwait(false);
            return (null, context.Catalog.DescribeMismatch(source.Columns));
        }

        var (bound, missing) = BoundMapping.Bind(mapping, source.Columns);
        if (bound is null)
        {
            await source.DisposeAsync().ConfigureAwait(false);
            return (null, missing);
        }

        var mapper = new RowMapper(bound, options, context.Customers) { MapsProducts = MapsProducts(fold) };
        return (new TransactionFileReader(new RecordFileReader<ExportMapping, ParsedRow>(source, opened.Check, mapping, opened.Format, mapper)), null);
    }

    /// <summary>
    /// The chunked reader, when the file qualifies: a header the sequential parser reads the same way, and a
    /// mapping that keeps no state between rows (no order fields carried from a first row, no order totals
    /// counted once), so that chunks can be mapped independently. Null means: read it sequentially.
    /// </summary>
    private static async Task<TransactionFileReader?> OpenChunkedAsync(PreparedExport prepared, ExportMapping? mapping, ExportContext context, ChunkingSettings chunking, IAcceptedLineFold? fold, CancellationToken cancellationToken)
    {
        var head = prepared.Head;
        if (CsvHeaderProbe.Probe(head) is not { } probe || !Utf8.IsValid(head.AsSpan(0, probe.HeaderBytes)))
        {
            return null;
        }

        // The header goes through Sylvan as it would have, so that the columns are exactly the same.
        var header = head[..probe.HeaderBytes];
        var options = context.Options;
        var columns = await HeaderColumnsAsync(header, options, cancellationToken).ConfigureAwait(false);

        if (columns.Count > options.MaxColumns)
        {
            return null;
        }

        var named = Encoding.UTF8.GetString(header.AsSpan(probe.BomBytes, probe.TextBytes)).Split(probe.Delimiter);
        if (named.Length != columns.Count || !named.Select(n => n.Trim()).SequenceEqual(columns, StringComparer.Ordinal))
        {
            return null;
        }

        mapping ??= context.Catalog.DetectByColumns(columns);
        if (mapping is null || BoundMapping.Bind(mapping, columns) is not ({ } bound, _) || bound.Mapping.OrderFieldsOnFirstRow || bound.OrderTotal is not null)
        {
            return null;
        }

        // One table of customers for every worker's mapper (CustomerEntries).
        var customers = new CustomerEntries(context.Customers);
        var parser = new ChunkParser(probe.Delimiter, columns.Count, options.MaxRecordChars, strings => new RowMapper(bound, options, context.Customers, strings) { MapsProducts = MapsProducts(fold) }, () => new RecurringStrings(customers));
        var chunked = new ChunkedCsvRows(prepared.Content, header, ChunkedLayout.Delimited(header.Length), chunking, options.MaxRecordChars, Folding(parser.Parse, fold), (rest, first, lineBefore, token) => ReadRestAsync(rest, first, lineBefore, bound, context, MapsProducts(fold), token), ExportInput.FileLevelReason);
        return new TransactionFileReader(chunked, mapping, prepared.Gzip ? "csv+gzip" : "csv");
    }

    /// <summary>
    /// The chunked reader of a JSON Lines file, when it qualifies: UTF-8, a first line (the object whose keys are
    /// the columns) that ends within the sniffed head with LF or CRLF and reads as the sequential reader reads it,
    /// and a mapping that keeps no state between rows. Null means: read it sequentially.
    /// </summary>
    private static TransactionFileReader? OpenChunkedJsonLines(PreparedExport prepared, ExportMapping? mapping, ExportContext context, ChunkingSettings chunking, IAcceptedLineFold? fold)
    {
        var head = prepared.Head.AsSpan();
        // StreamReader would detect UTF-16 or UTF-32 from these; only UTF-8 is read here.
        if (head.Length >= 2 && (head[0] is 0xFE or 0xFF || (head[0] == 0 && head[1] == 0)))
        {
            return null;
        }

        var bom = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var lineFeed = head[bom..].IndexOf((byte)'\n');
        if (lineFeed < 0 || !Utf8.IsValid(head.Slice(bom, lineFeed)))
        {
            return null;
        }

        var firstLine = Encoding.UTF8.GetString(head.Slice(bom, lineFeed));
        firstLine = firstLine.EndsWith('\r') ? firstLine[..^1] : firstLine;
        var options = context.Options;
        if (firstLine.Contains('\r', StringComparison.Ordinal) || JsonLinesRecordSource.ColumnsOf(firstLine) is not ({ } columns, _) || columns.Count > options.MaxColumns)
        {
            return null;
        }

        mapping ??= context.Catalog.DetectByColumns(columns);
        if (mapping is null || BoundMapping.Bind(mapping, columns) is not ({ } bound, _) || bound.Mapping.OrderFieldsOnFirstRow || bound.OrderTotal is not null)
        {
            return null;
        }

        var customers = new CustomerEntries(context.Customers);
        var parser = new JsonLinesChunkParser(columns, options.MaxRecordChars, strings => new RowMapper(bound, options, context.Customers, strings) { MapsProducts = MapsProducts(fold) }, () => new RecurringStrings(customers));
        var firstLineBytes = prepared.Head[..(bom + lineFeed + 1)];
        var chunked = new ChunkedCsvRows(prepared.Content, firstLineBytes, ChunkedLayout.JsonLines(bom), chunking, options.MaxRecordChars, Folding(parser.Parse, fold), (rest, first, _, token) => ReadRestJsonLinesAsync(rest, first, columns, bound, context, MapsProducts(fold), token), ExportInput.FileLevelReason);
        return new TransactionFileReader(chunked, mapping, prepared.Gzip ? "jsonl+gzip" : "jsonl");
    }

    /// <summary>Whether the mappers give lines their product: unless <paramref name="fold"/> never reads it.</summary>
    private static bool MapsProducts(IAcceptedLineFold? fold) => fold?.ReadsProducts ?? true;

    /// <summary>
    /// <paramref name="parse"/>, followed on the same parse task by <paramref name="fold"/> over the chunk's rows and a
    /// count of them (<see cref="ChunkOutcome.Counted"/>), so that the reader of the rows, one thread, does not walk
    /// every row of a chunk it only merges. A chunk the reader of the rows later hands to the sequential parser (one
    /// queued after an irregular chunk) has its partial and its counts dropped with it, so no line is folded or
    /// counted twice.
    /// </summary>
    private static Func<ExportChunk, ChunkOutcome> Folding(Func<ExportChunk, ChunkOutcome> parse, IAcceptedLineFold? fold) =>
        fold is null
            ? parse
            : chunk =>
            {
                var outcome = parse(chunk);
                if (outcome.Rows is not { } rows)
                {
                    return outcome;
                }

                var chunkRows = rows.AsSpan(0, outcome.Count);
                return outcome with { Folded = fold.FoldChunk(chunkRows), Counted = RowTally.Of(chunkRows, IngestReport.ErrorsKept) };
            };

    /// <summary>The sequential reader over the first line and the rest of a JSON Lines file the chunked parser gave up on.</summary>
    private static async IAsyncEnumerable<ParsedRow> ReadRestJsonLinesAsync(Stream rest, ExportChunk first, IReadOnlyList<string> columns, BoundMapping bound, ExportContext context, bool mapsProducts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var check = new Utf8Check(rest, first.FirstLine, first.Offset);
        var text = new StreamReader(check, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var source = await JsonLinesRecordSource.OpenAfterFirstLineAsync(text, columns, context.Options.MaxRecordChars, first.FirstLine, cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            await foreach (var row in ExportRecordRows.ReadAsync(source, new RowMapper(bound, context.Options, context.Customers) { MapsProducts = mapsProducts }, check, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }

    /// <summary>The columns of a header line (its bytes, line break included), read by Sylvan as the whole file would be.</summary>
    private static async Task<IReadOnlyList<string>> HeaderColumnsAsync(byte[] header, IngestOptions options, CancellationToken cancellationToken)
    {
        var headerText = new StreamReader(new MemoryStream(header), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var headerSource = await CsvRecordSource.OpenAsync(headerText, options.MaxRecordChars, cancellationToken).ConfigureAwait(false);
        await using (headerSource.ConfigureAwait(false))
        {
            return headerSource.Columns;
        }
    }

    /// <summary>The sequential parser over the header and the rest of a file the chunked parser gave up on.</summary>
    private static async IAsyncEnumerable<ParsedRow> ReadRestAsync(Stream rest, ExportChunk first, long lineBefore, BoundMapping bound, ExportContext context, bool mapsProducts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var firstLine = first.FirstLine;
        var check = new Utf8Check(rest, firstLine, first.Offset);
        var text = new StreamReader(check, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        CsvRecordSource source;
        try
        {
            source = await CsvRecordSource.OpenAsync(text, context.Options.MaxRecordChars, cancellationToken, firstLine, lineBefore).ConfigureAwait(false);
        }
        catch (Exception ex) when (ExportInput.FileLevelReason(ex, firstLine) is { } reason)
        {
            // Opening reads the first records: what is wrong with them is the file's problem, named as there.
            throw new ExportRejectedException(reason, ex);
        }

        await using (source.ConfigureAwait(false))
        {
            await foreach (var row in ExportRecordRows.ReadAsync(source, new RowMapper(bound, context.Options, context.Customers) { MapsProducts = mapsProducts }, check, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }
}
