using Segments.Core.Ingest;
using Segments.Core.Scoring;

namespace Segments.Core.Tests.Ingest;

/// <summary>Line items group into orders: frequency counts orders, and returns reduce revenue.</summary>
public class OrderGroupingTests
{
    private static readonly DateOnly AsOf = new(2011, 12, 31);

    [Fact]
    public async Task Frequency_counts_orders_not_lines_in_a_generic_export()
    {
        // Arrange: O-1 has three lines, O-2 one.
        var text = ProcessedExport.Text(
            "customer_id,order_id,order_date,amount,product",
            "C-1,O-1,2011-12-01,10.00,Mug",
            "C-1,O-1,2011-12-01,15.00,Plate",
            "C-1,O-1,2011-12-01,5.50,Spoon",
            "C-1,O-2,2011-12-05,20.00,Bowl");

        // Act
        var customer = await ScoreSingleCustomerAsync(text);

        // Assert: 2 orders; 10.00 + 15.00 + 5.50 + 20.00 = 50.50.
        Assert.Equal((2, 50.50m), (customer.Frequency, customer.Monetary));
    }

    [Fact]
    public async Task Uci_invoice_lines_group_into_one_order_and_a_c_invoice_reduces_revenue()
    {
        // Arrange: invoice 536365 has two lines, C536366 cancels two of the mugs.
        var text = ProcessedExport.Text(
            ExportFile.UciHeader,
            "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2011 8:26,2.55,17850.0,United Kingdom",
            "536365,71053,WHITE METAL LANTERN,8,12/1/2011 8:26,3.39,17850.0,United Kingdom",
            "C536366,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-2,12/2/2011 9:00,2.55,17850.0,United Kingdom");

        // Act
        var customer = await ScoreSingleCustomerAsync(text);

        // Assert: one order (the C invoice is not one); 6 × 2.55 + 8 × 3.39 − 2 × 2.55 = 15.30 + 27.12 − 5.10 = 37.32.
        Assert.Equal((1, 37.32m), (customer.Frequency, customer.Monetary));
    }

    private static async Task<Segments.Core.Rfm.CustomerMetrics> ScoreSingleCustomerAsync(string text)
    {
        using var stream = ExportFile.StreamOf(text);
        var report = await FileScorer.ScoreAsync(stream, new ExportSource("orders.csv"), ExportContext.Default, AsOf, CancellationToken.None);
        Assert.Null(report.Ingest.Rejection);
        return Assert.Single(report.Scoring!.Customers).Metrics;
    }
}
