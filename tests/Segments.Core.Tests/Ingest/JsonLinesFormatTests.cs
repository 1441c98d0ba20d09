using Segments.Core.Ingest;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Ingest;

/// <summary>JSON Lines exports: one object per line, columns from the keys of the first object.</summary>
public class JsonLinesFormatTests
{
    [Fact]
    public async Task Json_lines_export_is_read_with_the_mapping_its_first_object_matches()
    {
        // Arrange
        var text = ProcessedExport.Text(
            """{"customer_id":"C-17","order_id":"O-9","order_date":"2011-12-09","amount":"42.50","country":"France"}""");

        // Act
        var run = await ProcessedExport.ProcessAsync(text, name: "orders.jsonl");

        // Assert
        Assert.Equal(("generic", "jsonl"), (run.Report.Mapping, run.Report.Format));
        Assert.Equal(new TransactionLine("C-17", "O-9", new DateOnly(2011, 12, 9), 42.50m, "France", false), Assert.Single(run.Lines));
    }

    [Fact]
    public async Task Non_string_values_are_read_as_their_json_text()
    {
        // Arrange: pandas writes ids as floats; 17850.0 is customer 17850, 536365 the order, 15.3 the amount.
        var text = ProcessedExport.Text(
            """{"customer_id":17850.0,"order_id":536365,"order_date":"2011-12-09","amount":15.3}""");

        // Act
        var run = await ProcessedExport.ProcessAsync(text);

        // Assert
        Assert.Equal(new TransactionLine("17850", "536365", new DateOnly(2011, 12, 9), 15.3m, "", false), Assert.Single(run.Lines));
    }

    [Fact]
    public async Task Later_objects_may_list_their_keys_in_another_order()
    {
        // Arrange
        var text = ProcessedExport.Text(
            """{"customer_id":"C-1","order_id":"O-1","order_date":"2011-12-09","amount":10}""",
            """{"amount":20,"order_date":"2011-12-10","order_id":"O-2","customer_id":"C-2"}""");

        // Act
        var run = await ProcessedExport.ProcessAsync(text);

        // Assert
        Assert.Equal(
            [("C-1", "O-1", 10m), ("C-2", "O-2", 20m)],
            run.Lines.Select(l => (l.CustomerId, l.OrderId, l.Amount)));
    }

    [Fact]
    public async Task Keys_absent_from_the_first_object_are_not_columns()
    {
        // Arrange: the first object has no "country", so the second object's country is not read.
        var text = ProcessedExport.Text(
            """{"customer_id":"C-1","order_id":"O-1","order_date":"2011-12-09","amount":10}""",
            """{"customer_id":"C-2","order_id":"O-2","order_date":"2011-12-09","amount":20,"country":"France"}""");

        // Act
        var run = await ProcessedExport.ProcessAsync(text);

        // Assert
        Assert.Equal("", run.Lines[1].Country);
    }

    [Fact]
    public async Task Null_value_reads_as_missing()
    {
        // Arrange
        var text = ProcessedExport.Text(
            """{"customer_id":"C-1","order_id":"O-1","order_date":"2011-12-09","amount":10}""",
            """{"customer_id":"C-2","order_id":"O-2","order_date":"2011-12-09","amount":null}""");

        // Act
        var run = await ProcessedExport.ProcessAsync(text, ProcessedExport.Lenient);

        // Assert
        Assert.Equal(new RowError(2, "amount", "", "missing number"), Assert.Single(run.Errors));
    }

    [Fact]
    public async Task Broken_json_line_is_a_row_error_and_reading_goes_on()
    {
        // Arrange: line 2 is cut off in the middle of an object.
        var text = ProcessedExport.Text(
            """{"customer_id":"C-1","order_id":"O-1","order_date":"2011-12-09","amount":10}""",
            """{"customer_id":"C-2","order_id":""",
            """{"customer_id":"C-3","order_id":"O-3","order_date":"2011-12-09","amount":30}""");

        // Act
        var run = await ProcessedExport.ProcessAsync(text, ProcessedExport.Lenient);

        // Assert
        var error = Assert.Single(run.Errors);
        Assert.Equal(2, error.Line);
        Assert.StartsWith("not valid JSON", error.Reason, StringComparison.Ordinal);
        Assert.Equal(["C-1", "C-3"], run.Lines.Select(l => l.CustomerId));
    }

    [Theory]
    [InlineData("[\"C-2\",\"O-2\"]")]
    [InlineData("42")]
    [InlineData("\"C-2\"")]
    public async Task Json_line_that_is_not_an_object_is_a_row_error(string line)
    {
        // Arrange
        var text = ProcessedExport.Text(
            """{"customer_id":"C-1","order_id":"O-1","order_date":"2011-12-09","amount":10}""",
            line);

        // Act
        var run = await ProcessedExport.ProcessAsync(text, ProcessedExport.Lenient);

        // Assert
        Assert.Equal(new RowError(2, "", "", "not a JSON object"), Assert.Single(run.Errors));
    }

    [Fact]
    public async Task Blank_lines_count_in_line_numbers()
    {
        // Arrange: the bad object is on line 4, after a blank line 2.
        var text = ProcessedExport.Text(
            """{"customer_id":"C-1","order_id":"O-1","order_date":"2011-12-09","amount":10}""",
            "",
            """{"customer_id":"C-2","order_id":"O-2","order_date":"2011-12-09","amount":20}""",
            """{"customer_id":"C-3","order_id":"O-3","order_date":"2011-12-09","amount":"thirty"}""");

        // Act
        var run = await ProcessedExport.ProcessAsync(text, ProcessedExport.Lenient);

        // Assert
        Assert.Equal(4, Assert.Single(run.Errors).Line);
    }

    [Fact]
    public async Task First_line_that_is_not_valid_json_rejects_the_file()
    {
        // Arrange: without a first object there are no columns to read the rest with.
        var text = ProcessedExport.Text("""{"customer_id":"C-1",""");

        // Act
        var run = await ProcessedExport.ProcessAsync(text);

        // Assert
        Assert.StartsWith("line 1 is not valid JSON", run.Report.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task First_object_that_repeats_a_key_rejects_the_file_instead_of_throwing()
    {
        // Arrange: "amount" and "Amount" are the same column, as header columns are compared case-insensitively.
        var text = ProcessedExport.Text(
            """{"customer_id":"C-1","order_id":"O-1","order_date":"2011-12-09","amount":5,"Amount":6}""");

        // Act
        var run = await ProcessedExport.ProcessAsync(text);

        // Assert
        Assert.NotNull(run.Report.Rejection);
        Assert.Contains("amount", run.Report.Rejection, StringComparison.OrdinalIgnoreCase);
    }
}
