using Segments.Core.Ingest;

namespace Segments.Core.Tests.Ingest;

/// <summary>Forcing a mapping by name (ExportSource.MappingName), and files that lack a mapping's required columns.</summary>
public class MappingOverrideTests
{
    // A Shopify export cut down to the order columns: without "Lineitem quantity" and "Lineitem price" the
    // header no longer identifies Shopify, but everything the mapping needs is there.
    private const string TrimmedShopify =
        "Name,Email,Paid at,Total\n"
        + "SO-1001,ann@example.com,2024-01-15 10:30:00 -0500,60.00\n";

    [Fact]
    public async Task Trimmed_export_is_not_recognised_without_a_mapping_name()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(TrimmedShopify);

        // Assert
        Assert.StartsWith("no recognised header", run.Report.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Named_mapping_reads_a_file_that_detection_does_not_recognise()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(TrimmedShopify, mappingName: "shopify-orders");

        // Assert
        Assert.Null(run.Report.Rejection);
        Assert.Equal("shopify-orders", run.Report.Mapping);
        Assert.Equal(("SO-1001", 60.00m), (Assert.Single(run.Lines).OrderId, run.Lines[0].Amount));
    }

    [Fact]
    public async Task Unknown_mapping_name_is_rejected_listing_the_known_ones()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(TrimmedShopify, mappingName: "magento");

        // Assert
        Assert.Equal("unknown mapping 'magento'; known: uci-online-retail, shopify-orders, woocommerce-orders, cdnow, generic", run.Report.Rejection);
    }

    [Fact]
    public async Task Named_mapping_whose_required_columns_are_missing_rejects_the_file_naming_them()
    {
        // Arrange: generic needs customer_id, order_id, order_date and amount; this file has only the first.
        const string text = "customer_id,date,total\nC-1,2011-12-09,10\n";

        // Act
        var run = await ProcessedExport.ProcessAsync(text, mappingName: "generic");

        // Assert
        Assert.Equal("missing required columns for mapping 'generic': order_id, order_date, amount; found (customer_id,date,total)", run.Report.Rejection);
        Assert.Equal(0, run.Report.RowsRead);
    }

    [Fact]
    public async Task Detected_mapping_whose_required_columns_are_missing_rejects_the_file_naming_them()
    {
        // Arrange: the header identifies WooCommerce, but neither customer column was exported.
        const string text =
            "Order Number,Order Status,Order Date,Order Total Amount\n"
            + "101,Completed,2024-02-01 09:15,45.00\n";

        // Act
        var run = await ProcessedExport.ProcessAsync(text);

        // Assert
        Assert.Equal(
            "missing required columns for mapping 'woocommerce-orders': Email (Billing) or Customer User ID; found (Order Number,Order Status,Order Date,Order Total Amount)",
            run.Report.Rejection);
    }
}
