using Segments.Core.Ingest;

namespace Segments.Core.Tests.Ingest;

/// <summary>Gzip-compressed exports: detected from the magic bytes, never from the name alone.</summary>
public class GzipFormatTests
{
    private const string Csv = "customer_id,order_id,order_date,amount\nC-1,O-1,2011-12-09,10.00\nC-2,O-2,2011-12-10,20.00\n";

    private const string JsonLines =
        """{"customer_id":"C-1","order_id":"O-1","order_date":"2011-12-09","amount":10.00}""" + "\n"
        + """{"customer_id":"C-2","order_id":"O-2","order_date":"2011-12-10","amount":20.00}""" + "\n";

    [Theory]
    [InlineData("orders.csv.gz")]
    [InlineData("orders.csv")]
    [InlineData("orders")]
    public async Task Gzip_csv_is_detected_from_its_magic_bytes_whatever_the_name(string name)
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(ExportBytes.Gzip(ExportBytes.Utf8(Csv)), name: name);

        // Assert
        Assert.Equal(("csv+gzip", 2L), (run.Report.Format, run.Report.RowsAccepted));
    }

    [Fact]
    public async Task Gzip_json_lines_is_read()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(ExportBytes.Gzip(ExportBytes.Utf8(JsonLines)), name: "orders.jsonl.gz");

        // Assert: 10.00 + 20.00.
        Assert.Equal("jsonl+gzip", run.Report.Format);
        Assert.Equal(30.00m, run.Lines.Sum(l => l.Amount));
    }

    [Fact]
    public async Task Gz_name_on_content_that_is_not_gzip_is_rejected_with_the_reason()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(Csv, name: "orders.csv.gz");

        // Assert
        Assert.Equal("the name ends in .gz but the content is not gzip data", run.Report.Rejection);
    }

    [Fact]
    public async Task Gzip_magic_followed_by_garbage_is_rejected_as_corrupt()
    {
        // Arrange: 1F 8B, then bytes that are no deflate stream.
        byte[] bytes = [0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];

        // Act
        var run = await ProcessedExport.ProcessAsync(bytes, name: "orders.csv.gz");

        // Assert
        Assert.StartsWith("the gzip data is corrupt", run.Report.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gzip_cut_short_is_rejected_as_corrupt()
    {
        // Arrange: 2,000 rows compressed, then only the first half of the compressed bytes kept.
        var csv = new System.Text.StringBuilder("customer_id,order_id,order_date,amount\n");
        for (var i = 0; i < 2000; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"C-{i % 37},O-{i},2011-12-{1 + (i % 28):00},{i % 97}.{i % 100:00}\n");
        }

        var gzip = ExportBytes.Gzip(ExportBytes.Utf8(csv.ToString()));

        // Act
        var run = await ProcessedExport.ProcessAsync(gzip[..(gzip.Length / 2)], name: "orders.csv.gz");

        // Assert
        Assert.NotNull(run.Report.Rejection);
        Assert.Contains("gzip", run.Report.Rejection, StringComparison.Ordinal);
    }
}
