using System.Diagnostics;
using System.Text;
using Sylvan.Data.Csv;

namespace Segments.Bench.Ingest;

/// <summary>
/// Raw field reading, no mapping: every field of every record is read as a span and its length summed, so
/// that the parsers are compared on tokenising and unquoting alone. Sylvan is read the way
/// <c>CsvRecordSource</c> reads it (UTF-8 decoded by a <see cref="StreamReader"/>, fields as UTF-16 spans);
/// CsvHelper 34 parses UTF-8 bytes, so it is measured both on its byte spans and copying each field to UTF-16
/// (what <c>IExportRecord.Field</c> hands the mapper).
/// </summary>
internal static class ParserComparison
{
    public const string Sylvan = "Sylvan.Data.Csv 1.4.4 (UTF-16 spans)";
    public const string CsvHelperBytes = "CsvHelper 34.0.0 (UTF-8 spans)";
    public const string CsvHelperChars = "CsvHelper 34.0.0 (copied to UTF-16)";

    public static IReadOnlyList<string> Parsers { get; } = [Sylvan, CsvHelperBytes, CsvHelperChars];

    /// <summary>Seconds for one pass and the field characters (or bytes) seen, as a check that all read the same.</summary>
    public static (double Seconds, long Fields) Run(string parser, string path)
    {
        var stopwatch = Stopwatch.StartNew();
        var fields = parser switch
        {
            Sylvan => ReadWithSylvan(path),
            CsvHelperBytes => ReadWithCsvHelper(path, toChars: false),
            CsvHelperChars => ReadWithCsvHelper(path, toChars: true),
            _ => throw new ArgumentOutOfRangeException(nameof(parser)),
        };
        return (stopwatch.Elapsed.TotalSeconds, fields);
    }

    private static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);

    private static long ReadWithSylvan(string path)
    {
        using var text = new StreamReader(Open(path), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, BufferSize = 1024 * 1024 });
        long fields = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.RowFieldCount; i++)
            {
                fields += 1 + csv.GetFieldSpan(i).Length;
            }
        }

        return fields;
    }

    private static long ReadWithCsvHelper(string path, bool toChars)
    {
        using var csv = CsvHelper.CsvReader.Create(Open(path), new CsvHelper.CsvReaderOptions { HasHeader = true, Separator = ',' });
        Span<char> buffer = stackalloc char[4096];
        long fields = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                fields += 1 + (toChars ? csv.GetChars(i, buffer) : csv.GetSpan(i).Length);
            }
        }

        return fields;
    }
}
