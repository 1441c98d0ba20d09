using Segments.Core.Ingest;

namespace Segments.Core.Tests.Ingest;

/// <summary>UTF-8 exports, with and without the byte order mark that Excel writes.</summary>
public class Utf8EncodingTests
{
    private const string Export =
        "customer_id,order_id,order_date,amount,country,product\n"
        + "Müller-7,O-1,2011-12-09,42.50,Österreich,Crème brûlée set\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Non_ascii_text_is_read_intact_with_or_without_a_byte_order_mark(bool byteOrderMark)
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(ExportBytes.Utf8(Export, byteOrderMark));

        // Assert
        var line = Assert.Single(run.Lines);
        Assert.Equal(("Müller-7", "Österreich", "Crème brûlée set"), (line.CustomerId, line.Country, line.Product));
    }

    [Fact]
    public async Task Byte_order_mark_before_a_semicolon_header_is_ignored()
    {
        // Arrange: Excel's "CSV UTF-8" in a European locale: a BOM and semicolons.
        var bytes = ExportBytes.Utf8("customer_id;order_id;order_date;amount\nC-17;O-9;2011-12-09;42.50\n", byteOrderMark: true);

        // Act
        var run = await ProcessedExport.ProcessAsync(bytes);

        // Assert: without stripping the BOM the first column would be "\uFEFFcustomer_id" and the header refused.
        Assert.Equal("generic", run.Report.Mapping);
        Assert.Equal("C-17", Assert.Single(run.Lines).CustomerId);
    }

    [Fact]
    public async Task Byte_order_mark_before_json_lines_is_ignored()
    {
        // Arrange
        var bytes = ExportBytes.Utf8("{\"customer_id\":\"C-17\",\"order_id\":\"O-9\",\"order_date\":\"2011-12-09\",\"amount\":42.50}\n", byteOrderMark: true);

        // Act
        var run = await ProcessedExport.ProcessAsync(bytes);

        // Assert
        Assert.Equal("jsonl", run.Report.Format);
        Assert.Equal("C-17", Assert.Single(run.Lines).CustomerId);
    }

    [Fact]
    public async Task Byte_order_mark_inside_gzip_is_ignored()
    {
        // Arrange
        var bytes = ExportBytes.Gzip(ExportBytes.Utf8(Export, byteOrderMark: true));

        // Act
        var run = await ProcessedExport.ProcessAsync(bytes);

        // Assert
        Assert.Equal(("csv+gzip", "Müller-7"), (run.Report.Format, Assert.Single(run.Lines).CustomerId));
    }

    [Fact]
    public async Task Invalid_utf8_byte_is_a_row_error_naming_its_offset_and_does_not_stop_the_file()
    {
        // Arrange: a Latin-1 'é' (0xE9) in the product is not UTF-8: never silently replaced by U+FFFD.
        var bytes = ExportBytes.Utf8("customer_id,order_id,order_date,amount,product\nC-17,O-9,2011-12-09,42.50,Caf?\nC-18,O-10,2011-12-09,1.00,Tea\n");
        var at = Array.IndexOf(bytes, (byte)'?');
        bytes[at] = 0xE9;

        // Act
        var run = await ProcessedExport.ProcessAsync(bytes, ProcessedExport.Lenient);

        // Assert
        Assert.Null(run.Report.Rejection);
        Assert.Equal("C-18", Assert.Single(run.Lines).CustomerId);
        var error = Assert.Single(run.Errors);
        Assert.Equal(2L, error.Line);
        Assert.StartsWith($"bytes that are not valid UTF-8 at byte offset {at:N0};", error.Reason, StringComparison.Ordinal);
    }
}
