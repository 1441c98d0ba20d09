using System.Globalization;
using System.Text;
using Segments.Core.Ingest;

namespace Segments.Core.Tests.Ingest;

/// <summary>Limits that protect the host: record length, file size after decompression, gzip expansion.</summary>
public class FileLimitTests
{
    private const string Header = "customer_id,order_id,order_date,amount,product";

    [Fact]
    public async Task Csv_record_longer_than_MaxRecordChars_is_a_row_error_naming_the_setting()
    {
        // Arrange: line 3 holds a 1,500-character product name; the limit is 1,000.
        var text = ProcessedExport.Text(Header, "C-1,O-1,2011-12-09,10.00,Mug", $"C-2,O-2,2011-12-09,10.00,{new string('x', 1500)}", "C-3,O-3,2011-12-09,10.00,Tea");

        // Act
        var run = await ProcessedExport.ProcessAsync(text, new IngestOptions { MaxRecordChars = 1000, MaxRejectedFraction = 1 });

        // Assert
        Assert.Null(run.Report.Rejection);
        Assert.Equal(["C-1", "C-3"], run.Lines.Select(l => l.CustomerId));
        var error = Assert.Single(run.Errors);
        Assert.Equal((3L, "line 3 is longer than the 1,000-character limit for one record (setting Segments:Ingest:MaxRecordChars)"), (error.Line, error.Reason));
    }

    [Fact]
    public async Task Json_line_longer_than_MaxRecordChars_is_a_row_error_naming_the_setting()
    {
        // Arrange
        var text = ProcessedExport.Text(
            """{"customer_id":"C-1","order_id":"O-1","order_date":"2011-12-09","amount":10,"product":"Mug"}""",
            $$"""{"customer_id":"C-2","order_id":"O-2","order_date":"2011-12-09","amount":10,"product":"{{new string('x', 1500)}}"}""");

        // Act
        var run = await ProcessedExport.ProcessAsync(text, new IngestOptions { MaxRecordChars = 1000, MaxRejectedFraction = 1 });

        // Assert
        Assert.Equal((null, 1L), (run.Report.Rejection, run.Report.RowsAccepted));
        var error = Assert.Single(run.Errors);
        Assert.Equal((2L, "line 2 is longer than the 1,000-character limit for one record (setting Segments:Ingest:MaxRecordChars)"), (error.Line, error.Reason));
    }

    [Fact]
    public async Task Json_line_of_exactly_MaxRecordChars_is_accepted()
    {
        // Arrange: the object is padded to exactly 1,000 characters.
        const string prefix = "{\"customer_id\":\"C-1\",\"order_id\":\"O-1\",\"order_date\":\"2011-12-09\",\"amount\":10,\"product\":\"";
        var line = prefix + new string('x', 1000 - prefix.Length - 2) + "\"}";

        // Act
        var run = await ProcessedExport.ProcessAsync(line + "\n", new IngestOptions { MaxRecordChars = 1000 });

        // Assert
        Assert.Equal(1000, line.Length);
        Assert.Null(run.Report.Rejection);
    }

    [Fact]
    public async Task Csv_record_of_exactly_MaxRecordChars_is_accepted()
    {
        // Arrange: "C-1,O-1,2011-12-09,10.00," is 25 characters; 975 more make the record exactly 1,000.
        var record = "C-1,O-1,2011-12-09,10.00," + new string('x', 975);

        // Act
        var run = await ProcessedExport.ProcessAsync(ProcessedExport.Text(Header, record), new IngestOptions { MaxRecordChars = 1000 });

        // Assert
        Assert.Equal(1000, record.Length);
        Assert.Null(run.Report.Rejection);
    }

    [Fact]
    public async Task Small_MaxRecordChars_limits_csv_records_instead_of_throwing()
    {
        // Arrange: a 34-character record under a 100-character limit.
        var text = ProcessedExport.Text(Header, "C-1,O-1,2011-12-09,10.00,Blue mug");

        // Act
        var run = await ProcessedExport.ProcessAsync(text, new IngestOptions { MaxRecordChars = 100 });

        // Assert
        Assert.Null(run.Report.Rejection);
        Assert.Equal(1L, run.Report.RowsAccepted);
    }

    [Fact]
    public async Task Whitespace_log_line_longer_than_MaxRecordChars_is_a_row_error_naming_the_setting()
    {
        // Arrange: a CDNOW log whose second line is padded with 1,500 spaces.
        var text = "    1 19970101  1  11.77\n" + "    2 19970112  1  12.00" + new string(' ', 1500) + "\n";

        // Act
        var run = await ProcessedExport.ProcessAsync(text, new IngestOptions { MaxRecordChars = 1000, MaxRejectedFraction = 1 });

        // Assert
        Assert.Equal((null, 1L), (run.Report.Rejection, run.Report.RowsAccepted));
        var error = Assert.Single(run.Errors);
        Assert.Equal((2L, "line 2 is longer than the 1,000-character limit for one record (setting Segments:Ingest:MaxRecordChars)"), (error.Line, error.Reason));
    }

    [Fact]
    public async Task File_larger_than_MaxFileBytes_is_rejected_naming_the_setting()
    {
        // Arrange
        var bytes = ExportBytes.Utf8(Rows(2000));

        // Act
        var run = await ProcessedExport.ProcessAsync(bytes, new IngestOptions { MaxFileBytes = 10_000 });

        // Assert
        Assert.Equal("the file is larger than the 10,000-byte limit (setting Segments:Ingest:MaxFileBytes)", run.Report.Rejection);
    }

    [Fact]
    public async Task File_of_exactly_MaxFileBytes_is_accepted()
    {
        // Arrange
        var bytes = ExportBytes.Utf8(Rows(2000));

        // Act
        var run = await ProcessedExport.ProcessAsync(bytes, new IngestOptions { MaxFileBytes = bytes.Length });

        // Assert
        Assert.Null(run.Report.Rejection);
        Assert.Equal(2000L, run.Report.RowsAccepted);
    }

    [Fact]
    public async Task Gzip_larger_than_MaxFileBytes_after_decompression_is_rejected_naming_the_setting()
    {
        // Arrange: the compressed file is under the 30,000-byte limit, its content over it.
        var content = ExportBytes.Utf8(Rows(2000));
        var gzip = ExportBytes.Gzip(content);
        Assert.True(gzip.Length < 30_000 && content.Length > 30_000, $"compressed {gzip.Length}, content {content.Length}");

        // Act
        var run = await ProcessedExport.ProcessAsync(gzip, new IngestOptions { MaxFileBytes = 30_000 }, name: "orders.csv.gz");

        // Assert
        Assert.StartsWith("the file is larger than the 30,000-byte limit (setting Segments:Ingest:MaxFileBytes)", run.Report.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gzip_bomb_of_repeated_rows_is_refused_as_a_decompression_bomb()
    {
        // Arrange: 50 MB of one row repeated compresses to about 0.12 MB, an expansion of about 400.
        var bomb = ExportBytes.GzipRepeated(Encoding.UTF8.GetBytes(Header + "\n" + string.Concat(Enumerable.Repeat("C-1,O-1,2011-12-09,10.00,Mug\n", 1000))), 50L * 1024 * 1024);

        // Act
        var run = await ProcessedExport.ProcessAsync(bomb, name: "orders.csv.gz");

        // Assert
        Assert.NotNull(run.Report.Rejection);
        Assert.Contains("decompression bomb", run.Report.Rejection, StringComparison.Ordinal);
        Assert.Contains("MaxGzipExpansion", run.Report.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gzip_bomb_of_zeros_is_refused_as_a_decompression_bomb()
    {
        // Arrange
        var bomb = ExportBytes.GzipRepeated(new byte[64 * 1024], 50L * 1024 * 1024);

        // Act
        var run = await ProcessedExport.ProcessAsync(bomb, name: "orders.csv.gz");

        // Assert
        Assert.NotNull(run.Report.Rejection);
        Assert.Contains("decompression bomb", run.Report.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Small_highly_compressible_gzip_is_accepted()
    {
        // Arrange: 20,000 identical rows (about 0.6 MB) compress more than 200 times, but stay under the
        // 1 MB of output before the expansion ratio applies.
        var content = ExportBytes.Utf8(Header + "\n" + string.Concat(Enumerable.Repeat("C-1,O-1,2011-12-09,10.00,Mug\n", 20_000)));
        var gzip = ExportBytes.Gzip(content);
        Assert.True(content.Length > 200 * gzip.Length && content.Length < 1024 * 1024, $"compressed {gzip.Length}, content {content.Length}");

        // Act
        var run = await ProcessedExport.ProcessAsync(gzip, name: "orders.csv.gz");

        // Assert
        Assert.Null(run.Report.Rejection);
        Assert.Equal(20_000L, run.Report.RowsAccepted);
    }

    /// <summary>A varied generic export of <paramref name="count"/> rows (about 27 bytes each), compressing 3–4 times.</summary>
    private static string Rows(int count)
    {
        var text = new StringBuilder(Header + "\n");
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"C-{i % 37},O-{i},2011-12-{1 + (i % 28):00},{i % 97}.{i % 100:00},P{i % 13}\n");
        }

        return text.ToString();
    }
}
