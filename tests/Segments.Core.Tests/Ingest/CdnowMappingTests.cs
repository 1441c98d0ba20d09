using Segments.Core.Ingest;
using Segments.Core.Scoring;

namespace Segments.Core.Tests.Ingest;

/// <summary>
/// The CDNOW master log (Fader and Hardie): no header; customer id, date as YYYYMMDD, number of CDs and dollar
/// amount, separated by runs of spaces. Each row is an order.
/// </summary>
public class CdnowMappingTests
{
    // The first lines of CDNOW_master.txt: customer 2 bought twice on 12 January 1997.
    private const string Log =
        "    1 19970101  1  11.77\n"
        + "    2 19970112  1  12.00\n"
        + "    2 19970112  5  77.00\n"
        + "    3 19970102  2  20.76\n";

    [Fact]
    public async Task Headerless_whitespace_log_is_read_with_the_cdnow_mapping()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(Log, name: "CDNOW_master.txt");

        // Assert: the first line is data, not a header.
        Assert.Equal(("cdnow", "whitespace", 4L), (run.Report.Mapping, run.Report.Format, run.Report.RowsAccepted));
        var first = run.Lines[0];
        Assert.Equal(("1", new DateOnly(1997, 1, 1), 11.77m), (first.CustomerId, first.OrderDate, first.Amount));
    }

    [Fact]
    public async Task Every_row_is_an_order_of_its_own()
    {
        // Arrange
        using var stream = ExportFile.StreamOf(Log);

        // Act
        var report = await FileScorer.ScoreAsync(stream, new ExportSource("CDNOW_master.txt"), ExportContext.Default, new DateOnly(1998, 7, 1), CancellationToken.None);

        // Assert: customer 2's two rows on the same day are two orders, 12.00 + 77.00 = 89.00.
        var customer2 = Assert.Single(report.Scoring!.Customers, c => c.Metrics.CustomerId == "2").Metrics;
        Assert.Equal((2, 89.00m), (customer2.Frequency, customer2.Monetary));
    }

    [Fact]
    public async Task Date_that_is_not_yyyymmdd_is_a_row_error_on_its_physical_line()
    {
        // Arrange: month 13; without a header the second row is line 2.
        const string log = "    1 19970101  1  11.77\n    2 19971312  1  12.00\n";

        // Act
        var run = await ProcessedExport.ProcessAsync(log, ProcessedExport.Lenient);

        // Assert
        Assert.Equal(new RowError(2, "date", "19971312", "not a date in the form yyyyMMdd"), Assert.Single(run.Errors));
    }

    [Fact]
    public async Task Tab_separated_log_is_read_the_same()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync("1\t19970101\t1\t11.77\n");

        // Assert
        var line = Assert.Single(run.Lines);
        Assert.Equal(("1", new DateOnly(1997, 1, 1), 11.77m), (line.CustomerId, line.OrderDate, line.Amount));
    }
}
