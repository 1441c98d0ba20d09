using Segments.Core.Ingest;
using Segments.Core.Ingest.Mappings;
using Segments.Core.Scoring;

namespace Segments.Core.Tests.Ingest;

/// <summary>
/// WooCommerce orders through "Advanced Order Export For WooCommerce" with its default fields: one row per item,
/// order fields repeated on every item row. E-mails are kept readable here (HashEmails off).
/// </summary>
public class WooCommerceOrdersMappingTests
{
    private const string Header =
        "Order Number,Order Status,Order Date,First Name (Billing),Country Code (Billing),Email (Billing),Payment Method Title,"
        + "Order Subtotal Amount,Order Shipping Amount,Order Refund Amount,Order Total Amount,SKU,Item Name,Quantity,Item Cost";

    // 101: 1 × 30.00 + 2 × 5.00 = 40.00 + 5.00 shipping = 45.00, on both item rows.
    private const string Order101 =
        "101,Completed,2024-02-01 09:15,Bob,DE,bob@example.com,PayPal,40.00,5.00,0.00,45.00,HOODIE-L,Hoodie L,1,30.00\n"
        + "101,Completed,2024-02-01 09:15,Bob,DE,bob@example.com,PayPal,40.00,5.00,0.00,45.00,CAP,Cap,2,5.00\n";

    private static readonly IngestOptions ReadableEmails = new() { HashEmails = false };

    [Fact]
    public async Task Advanced_order_export_header_selects_the_woocommerce_mapping()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(Export(), ReadableEmails);

        // Assert
        Assert.Equal(("woocommerce-orders", 4L), (run.Report.Mapping, run.Report.RowsAccepted));
    }

    [Fact]
    public async Task Order_total_repeated_on_every_item_row_counts_once()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(Export(), ReadableEmails);

        // Assert: 45.00 once, not 2 × 45.00.
        Assert.Equal(45.00m, run.Lines.Where(l => l.OrderId == "101").Sum(l => l.Amount));
    }

    [Theory]
    [InlineData("-10.00")]
    [InlineData("10.00")]
    public async Task Refund_reduces_revenue_whether_exported_negative_or_positive(string refund)
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(Export(refund: refund), ReadableEmails);

        // Assert: 102 totals 50.00, of which 10.00 refunded.
        Assert.Equal(40.00m, run.Lines.Where(l => l.OrderId == "102").Sum(l => l.Amount));
    }

    [Fact]
    public async Task Item_sku_is_the_product()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(Export(), ReadableEmails);

        // Assert
        Assert.Equal(["HOODIE-L", "CAP", "MUG", "SOCKS"], run.Lines.Select(l => l.Product));
    }

    [Theory]
    [InlineData("Cancelled")]
    [InlineData("Failed")]
    [InlineData("Refunded")]
    [InlineData("wc-cancelled")]
    public async Task Cancelled_failed_or_refunded_status_voids_the_order(string status)
    {
        // Arrange
        using var stream = ExportFile.StreamOf(Export(status103: status));

        // Act
        var report = await FileScorer.ScoreAsync(stream, new ExportSource("orders.csv"), new ExportContext(ReadableEmails, MappingCatalog<ExportMapping>.BuiltIn), new DateOnly(2024, 3, 31), CancellationToken.None);

        // Assert: 101 (45.00) and 102 (50.00) count: 2 orders, 95.00. Order 103 (20.00) would make 3 and 115.00.
        var bob = Assert.Single(report.Scoring!.Customers).Metrics;
        Assert.Equal((2, 95.00m), (bob.Frequency, bob.Monetary));
    }

    [Fact]
    public async Task Completed_order_counts()
    {
        // Arrange: the contrast to the voiding statuses.
        using var stream = ExportFile.StreamOf(Export(status103: "Completed"));

        // Act
        var report = await FileScorer.ScoreAsync(stream, new ExportSource("orders.csv"), new ExportContext(ReadableEmails, MappingCatalog<ExportMapping>.BuiltIn), new DateOnly(2024, 3, 31), CancellationToken.None);

        // Assert: 45.00 + 50.00 + 20.00 over 3 orders.
        var bob = Assert.Single(report.Scoring!.Customers).Metrics;
        Assert.Equal((3, 115.00m), (bob.Frequency, bob.Monetary));
    }

    private static string Export(string refund = "0.00", string status103 = "Completed") =>
        Header + "\n"
        + Order101
        + $"102,Completed,2024-02-10 14:00,Bob,DE,bob@example.com,PayPal,50.00,0.00,{refund},50.00,MUG,Mug,5,10.00\n"
        + $"103,{status103},2024-02-20 10:00,Bob,DE,bob@example.com,PayPal,20.00,0.00,0.00,20.00,SOCKS,Socks,2,10.00\n";
}
