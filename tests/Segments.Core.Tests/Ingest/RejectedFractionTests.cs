using Segments.Core.Ingest;

namespace Segments.Core.Tests.Ingest;

/// <summary>Above a share of rejected rows (MaxRejectedFraction, default 5 %) the whole file is refused.</summary>
public class RejectedFractionTests
{
    private const string Header = "customer_id,order_id,order_date,amount";

    [Fact]
    public async Task Share_of_rejected_rows_above_the_limit_rejects_the_file()
    {
        // Arrange: 1 bad row of 19 = 5.26 %, above 5 %.
        var text = Export(good: 18, bad: 1);

        // Act
        var run = await ProcessedExport.ProcessAsync(text);

        // Assert
        Assert.Equal(
            "5.3% of rows were rejected (1 of 19), above the 5.0% limit (setting Segments:Ingest:MaxRejectedFraction): a broken export is not allowed to skew the segments",
            run.Report.Rejection);
    }

    [Fact]
    public async Task Share_of_rejected_rows_exactly_at_the_limit_is_accepted()
    {
        // Arrange: 1 bad row of 20 = 5.0 %, not above 5 %.
        var text = Export(good: 19, bad: 1);

        // Act
        var run = await ProcessedExport.ProcessAsync(text);

        // Assert
        Assert.Null(run.Report.Rejection);
        Assert.Equal((20L, 19L, 1L), (run.Report.RowsRead, run.Report.RowsAccepted, run.Report.RowsRejected));
    }

    [Fact]
    public async Task Limit_comes_from_the_options()
    {
        // Arrange: 3 bad rows of 20 = 15 %, above a 10 % limit.
        var text = Export(good: 17, bad: 3);

        // Act
        var run = await ProcessedExport.ProcessAsync(text, new IngestOptions { MaxRejectedFraction = 0.10 });

        // Assert
        Assert.StartsWith("15.0% of rows were rejected (3 of 20), above the 10.0% limit", run.Report.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_whose_every_row_is_skipped_is_rejected()
    {
        // Arrange: two UCI guest sales, no customer on either.
        var text = ProcessedExport.Text(
            ExportFile.UciHeader,
            "536544,21773,DECORATIVE ROSE BATHROOM BOTTLE,1,12/1/2010 14:32,2.51,,United Kingdom",
            "536544,21774,DECORATIVE CATS BATHROOM BOTTLE,2,12/1/2010 14:32,2.51,,United Kingdom");

        // Act
        var run = await ProcessedExport.ProcessAsync(text);

        // Assert
        Assert.Equal("no usable row: 0 rejected, 2 skipped of 2", run.Report.Rejection);
    }

    [Fact]
    public async Task File_whose_every_row_is_rejected_is_rejected_even_when_any_share_is_allowed()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(Export(good: 0, bad: 2), ProcessedExport.Lenient);

        // Assert
        Assert.Equal("no usable row: 2 rejected, 0 skipped of 2", run.Report.Rejection);
    }

    [Fact]
    public async Task File_with_a_header_and_no_rows_is_accepted_with_zero_rows()
    {
        // Act: a day without orders.
        var run = await ProcessedExport.ProcessAsync(Header + "\n");

        // Assert
        Assert.Null(run.Report.Rejection);
        Assert.Equal((0L, 0L), (run.Report.RowsRead, run.Report.RowsAccepted));
        Assert.Empty(run.Lines);
    }

    private static string Export(int good, int bad) =>
        ProcessedExport.Text(
        [
            Header,
            .. Enumerable.Range(1, good).Select(i => $"C-{i},O-{i},2011-12-09,10.00"),
            .. Enumerable.Range(1, bad).Select(i => $"B-{i},X-{i},2011-12-09,ten"),
        ]);
}
