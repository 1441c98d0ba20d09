using Segments.Core.Ingest;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Ingest;

/// <summary>CSV, semicolon- and tab-separated exports: separator detection, quoting and physical line numbers.</summary>
public class DelimitedFormatTests
{
    [Theory]
    [InlineData(",")]
    [InlineData(";")]
    [InlineData("\t")]
    public async Task Separator_is_detected_from_the_header(string separator)
    {
        // Arrange
        var text = ProcessedExport.Text(
            string.Join(separator, "customer_id", "order_id", "order_date", "amount"),
            string.Join(separator, "C-17", "O-9", "2011-12-09", "42.50"));

        // Act
        var run = await ProcessedExport.ProcessAsync(text);

        // Assert
        Assert.Equal("csv", run.Report.Format);
        Assert.Equal(new TransactionLine("C-17", "O-9", new DateOnly(2011, 12, 9), 42.50m, "", false), Assert.Single(run.Lines));
    }

    [Fact]
    public async Task Comma_in_a_semicolon_separated_file_is_part_of_the_value()
    {
        // Arrange: with ';' detected as the separator, the comma needs no quoting.
        var text = ProcessedExport.Text(
            "customer_id;order_id;order_date;amount;country",
            "C-17;O-9;2011-12-09;42.50;Korea, Republic of");

        // Act
        var run = await ProcessedExport.ProcessAsync(text);

        // Assert
        Assert.Equal("Korea, Republic of", Assert.Single(run.Lines).Country);
    }

    [Fact]
    public async Task Quoted_field_keeps_an_embedded_separator_in_a_tab_separated_file()
    {
        // Arrange
        var text = ProcessedExport.Text(
            "customer_id\torder_id\torder_date\tamount\tproduct",
            "C-17\tO-9\t2011-12-09\t42.50\t\"Mug\tblue\"");

        // Act
        var run = await ProcessedExport.ProcessAsync(text);

        // Assert
        Assert.Equal("Mug\tblue", Assert.Single(run.Lines).Product);
    }

    [Fact]
    public async Task Quoted_field_keeps_its_embedded_line_breaks()
    {
        // Arrange
        var text = ProcessedExport.Text(
            "customer_id,order_id,order_date,amount,product",
            "C-17,O-9,2011-12-09,42.50,\"Gift box",
            "with ribbon\"");

        // Act
        var run = await ProcessedExport.ProcessAsync(text);

        // Assert
        Assert.Equal("Gift box\nwith ribbon", Assert.Single(run.Lines).Product);
    }

    [Fact]
    public async Task Doubled_quotes_inside_a_quoted_field_read_as_one_quote()
    {
        // Arrange: RFC 4180 escapes a quote inside a quoted field by doubling it.
        var text = ProcessedExport.Text(
            "customer_id,order_id,order_date,amount,product",
            "C-17,O-9,2011-12-09,42.50,\"12\"\" vinyl, red\"");

        // Act
        var run = await ProcessedExport.ProcessAsync(text);

        // Assert
        Assert.Equal("12\" vinyl, red", Assert.Single(run.Lines).Product);
    }

    [Fact]
    public async Task Bad_row_after_a_multi_line_field_reports_the_line_an_editor_shows()
    {
        // Arrange: header on line 1; the first row spans lines 2–4 (two breaks inside the quotes); the bad
        // row starts on line 5 although it is only the third record.
        var text = ProcessedExport.Text(
            "customer_id,order_id,order_date,amount,product",
            "C-1,O-1,2011-12-09,10,\"Gift box",
            "with ribbon",
            "and card\"",
            "C-2,O-2,2011-12-09,twelve,Mug");

        // Act
        var run = await ProcessedExport.ProcessAsync(text, ProcessedExport.Lenient);

        // Assert
        Assert.Equal(new RowError(5, "amount", "twelve", "not a number"), Assert.Single(run.Errors));
    }

    [Fact]
    public async Task Bad_row_after_a_multi_line_field_with_crlf_line_ends_reports_the_line_an_editor_shows()
    {
        // Arrange: Windows line ends; the first row spans lines 2–3, so the bad row is on line 4.
        const string text =
            "customer_id,order_id,order_date,amount,product\r\n"
            + "C-1,O-1,2011-12-09,10,\"Gift box\r\nwith ribbon\"\r\n"
            + "C-2,O-2,2011-12-09,twelve,Mug\r\n";

        // Act
        var run = await ProcessedExport.ProcessAsync(text, ProcessedExport.Lenient);

        // Assert
        Assert.Equal(4, Assert.Single(run.Errors).Line);
    }

    [Fact]
    public async Task Row_with_too_few_fields_after_a_multi_line_field_reports_the_line_an_editor_shows()
    {
        // Arrange: the first row spans lines 2–3; line 4 has 4 of the 5 fields.
        var text = ProcessedExport.Text(
            "customer_id,order_id,order_date,amount,product",
            "C-1,O-1,2011-12-09,10,\"Gift box",
            "with ribbon\"",
            "C-2,O-2,2011-12-09,12");

        // Act
        var run = await ProcessedExport.ProcessAsync(text, ProcessedExport.Lenient);

        // Assert
        Assert.Equal(new RowError(4, "", "", "expected 5 fields, found 4"), Assert.Single(run.Errors));
    }

    [Fact]
    public async Task Row_whose_first_field_starts_with_a_hash_is_read_not_dropped_as_a_comment()
    {
        // Arrange: "#7" is an ordinary customer id in this export.
        var text = ProcessedExport.Text(
            "customer_id,order_id,order_date,amount",
            "#7,O-1,2011-12-09,10",
            "C-8,O-2,2011-12-09,20");

        // Act
        var run = await ProcessedExport.ProcessAsync(text);

        // Assert
        Assert.Equal(2L, run.Report.RowsRead);
        Assert.Equal(["#7", "C-8"], run.Lines.Select(l => l.CustomerId));
    }

    [Fact]
    public async Task Bad_row_after_a_row_starting_with_a_hash_reports_the_line_an_editor_shows()
    {
        // Arrange: the bad amount is on line 3.
        var text = ProcessedExport.Text(
            "customer_id,order_id,order_date,amount",
            "#7,O-1,2011-12-09,10",
            "C-8,O-2,2011-12-09,twenty");

        // Act
        var run = await ProcessedExport.ProcessAsync(text, ProcessedExport.Lenient);

        // Assert
        Assert.Equal(3, Assert.Single(run.Errors).Line);
    }
}
