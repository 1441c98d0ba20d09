using Segments.Core.Ingest;

namespace Segments.Core.Tests.Ingest;

/// <summary>A rejected row is reported precisely enough to find and fix it: line, column, raw value and reason.</summary>
public class RowErrorReportingTests
{
    private const string Header = "customer_id,order_id,order_date,amount";

    [Fact]
    public async Task Row_error_carries_line_column_raw_value_and_reason()
    {
        // Arrange: the third data row (line 4) has month 13.
        var text = ProcessedExport.Text(
            Header,
            "C-1,O-1,2011-12-09,10.00",
            "C-2,O-2,2011-12-09,20.00",
            "C-3,O-3,2011-13-01,30.00");

        // Act
        var run = await ProcessedExport.ProcessAsync(text, ProcessedExport.Lenient);

        // Assert: handed to the caller and kept in the report.
        var expected = new RowError(4, "order_date", "2011-13-01", "not a date (expected yyyy-MM-dd, an ISO timestamp or M/d/yyyy H:mm)");
        Assert.Equal(expected, Assert.Single(run.Errors));
        Assert.Equal(expected, Assert.Single(run.Report.FirstErrors));
    }

    [Fact]
    public async Task Raw_value_longer_than_100_characters_is_cut_and_marked_with_an_ellipsis()
    {
        // Arrange: a 150-character amount.
        var text = ProcessedExport.Text(Header, $"C-1,O-1,2011-12-09,{new string('9', 50)}{new string('x', 100)}");

        // Act
        var run = await ProcessedExport.ProcessAsync(text, ProcessedExport.Lenient);

        // Assert: the first 100 characters (50 nines, 50 x) and "…", 101 characters in all.
        Assert.Equal(new string('9', 50) + new string('x', 50) + "…", Assert.Single(run.Errors).Value);
    }

    [Fact]
    public async Task Raw_value_of_exactly_100_characters_is_kept_whole()
    {
        // Arrange
        var value = new string('x', 100);

        // Act
        var run = await ProcessedExport.ProcessAsync(ProcessedExport.Text(Header, $"C-1,O-1,2011-12-09,{value}"), ProcessedExport.Lenient);

        // Assert
        Assert.Equal(value, Assert.Single(run.Errors).Value);
    }

    [Fact]
    public async Task Report_keeps_the_first_20_errors_and_counts_them_all()
    {
        // Arrange: 25 bad amounts on lines 2–26.
        var text = ProcessedExport.Text([Header, .. Enumerable.Range(1, 25).Select(i => $"C-{i},O-{i},2011-12-09,n/a")]);

        // Act
        var run = await ProcessedExport.ProcessAsync(text, ProcessedExport.Lenient);

        // Assert: the caller got all 25; the report keeps lines 2–21.
        Assert.Equal((25L, 25), (run.Report.RowsRejected, run.Errors.Count));
        Assert.Equal(Enumerable.Range(2, 20).Select(i => (long)i), run.Report.FirstErrors.Select(e => e.Line));
    }

    [Fact]
    public async Task Amount_too_large_for_a_decimal_is_a_row_error_not_a_crash()
    {
        // Arrange: each number parses (1e28 and 100), but 1e28 × 100 = 1e30 exceeds decimal's 7.9e28.
        var text = ProcessedExport.Text(
            ExportFile.UciHeader,
            "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,1e28,12/1/2010 8:26,100,17850.0,United Kingdom",
            "536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,17850.0,United Kingdom");

        // Act
        var run = await ProcessedExport.ProcessAsync(text, ProcessedExport.Lenient);

        // Assert
        Assert.Equal((1L, 1L), (run.Report.RowsRejected, run.Report.RowsAccepted));
        Assert.Equal(2, Assert.Single(run.Errors).Line);
    }
}
