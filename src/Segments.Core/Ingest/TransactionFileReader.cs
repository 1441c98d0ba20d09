using System.Runtime.CompilerServices;
using System.Text;
using Sylvan.Data.Csv;

namespace Segments.Core.Ingest;

/// <summary>
/// Streams a CSV export row by row: the header picks the profile, every data row comes back as a
/// <see cref="ParsedRow"/>. The file is never held whole in memory.
/// </summary>
public sealed class TransactionFileReader : IAsyncDisposable
{
    private readonly CsvDataReader _csv;
    private readonly IRowMapper _mapper;

    private TransactionFileReader(CsvDataReader csv, ExportProfile profile, IRowMapper mapper)
    {
        _csv = csv;
        Profile = profile;
        _mapper = mapper;
    }

    /// <summary>The layout detected from the header.</summary>
    public ExportProfile Profile { get; }

    /// <summary>
    /// Reads the header and binds a profile. Returns a rejection reason instead when the file is empty or
    /// its header matches no profile; the caller owns <paramref name="stream"/> either way.
    /// </summary>
    public static async Task<(TransactionFileReader? Reader, string? Rejection)> OpenAsync(Stream stream, CancellationToken cancellationToken)
    {
        var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var options = new CsvDataReaderOptions
        {
            HasHeaders = true,
            // One record larger than the buffer fails the read; 1 MiB is far beyond any real order line.
            BufferSize = 1 << 20,
        };

        if (text.Peek() < 0)
        {
            text.Dispose();
            return (null, "the file is empty: no header line");
        }

        CsvDataReader csv;
        try
        {
            csv = await CsvDataReader.CreateAsync(text, options, cancellationToken).ConfigureAwait(false);
        }
        catch (CsvFormatException ex)
        {
            text.Dispose();
            return (null, $"the header could not be read: {ex.Message}");
        }

        var header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray();
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            await csv.DisposeAsync().ConfigureAwait(false);
            return (null, "the file is empty: no header line");
        }

        var profile = ExportProfiles.Detect(header);
        if (profile is null)
        {
            await csv.DisposeAsync().ConfigureAwait(false);
            return (null, ExportProfiles.DescribeMismatch(header));
        }

        return (new TransactionFileReader(csv, profile, profile.Bind(new HeaderColumns(header))), null);
    }

    /// <summary>Every data row, in file order. Line 1 is the header.</summary>
    public async IAsyncEnumerable<ParsedRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var expectedFields = _csv.FieldCount;
        long line = 1;
        while (await _csv.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            line++;
            if (_csv.RowFieldCount == 1 && _csv.GetFieldSpan(0).Trim().IsEmpty)
            {
                yield return ParsedRow.Skip(line, "blank line");
                continue;
            }

            if (_csv.RowFieldCount < expectedFields)
            {
                yield return ParsedRow.Reject(RowError.For(line, string.Empty, string.Empty,
                    $"expected {expectedFields} fields, found {_csv.RowFieldCount}"));
                continue;
            }

            yield return _mapper.Map(_csv, line);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _csv.DisposeAsync();
}
