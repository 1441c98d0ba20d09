namespace Segments.Core.Tests.Ingest;

/// <summary>The report of an order export spans the order dates (UTC days) of its accepted rows, which the Batches ledger keeps.</summary>
public class ReportOrderDatesTests
{
    [Fact]
    public async Task Report_spans_the_order_dates_of_the_accepted_rows()
    {
        // Arrange: the earliest and latest rows are not first and last; the rejected row's date would widen it.
        var text = ProcessedExport.Text(
            "customer_id,order_id,order_date,amount",
            "c1,o1,2011-03-09,10.00",
            "c2,o2,2010-12-01T23:30:00-02:00,5.00",
            "c3,o3,2011-12-09,7.50",
            "c4,o4,2011-06-01,not-a-number",
            "c1,o5,2011-01-02,2.00");

        // Act
        var run = await ProcessedExport.ProcessAsync(text, ProcessedExport.Lenient);

        // Assert: 23:30 at UTC-2 is 2010-12-02 in UTC.
        Assert.Equal((4L, 1L), (run.Report.RowsAccepted, run.Report.RowsRejected));
        Assert.Equal((new DateOnly(2010, 12, 2), new DateOnly(2011, 12, 9)), (run.Report.FirstOrderDate, run.Report.LatestOrderDate));
        Assert.Equal((run.Lines.Min(l => l.OrderDate), run.Lines.Max(l => l.OrderDate)), (run.Report.FirstOrderDate!.Value, run.Report.LatestOrderDate!.Value));
    }

    [Fact]
    public async Task Export_without_rows_has_no_order_dates()
    {
        var run = await ProcessedExport.ProcessAsync(ProcessedExport.Text("customer_id,order_id,order_date,amount"));

        Assert.Null(run.Report.Rejection);
        Assert.Equal(((DateOnly?)null, (DateOnly?)null), (run.Report.FirstOrderDate, run.Report.LatestOrderDate));
    }
}
