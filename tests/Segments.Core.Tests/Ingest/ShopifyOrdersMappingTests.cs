using Segments.Core.Ingest;
using Segments.Core.Ingest.Mappings;
using Segments.Core.Scoring;

namespace Segments.Core.Tests.Ingest;

/// <summary>
/// Shopify's orders export: one row per line item, order fields on the first row of each order only.
/// E-mails are kept readable here (HashEmails off); hashing has its own tests. The store's order ID format
/// (Settings > General) has the prefix "SO-"; the default "#" prefix has its own test.
/// </summary>
public class ShopifyOrdersMappingTests
{
    private const string Header =
        "Name,Email,Financial Status,Paid at,Currency,Subtotal,Shipping,Total,Refunded Amount,Created at,"
        + "Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Country,Cancelled at";

    // SO-1001: 2 × 12.50 + 1 × 30.00 = 55.00 subtotal + 5.00 shipping = 60.00, nothing refunded.
    private const string Order1001 =
        "SO-1001,ann@example.com,paid,2024-01-15 10:30:00 -0500,USD,55.00,5.00,60.00,0.00,2024-01-15 10:29:41 -0500,2,Blue mug,12.50,MUG-BLUE,US,\n"
        + "SO-1001,,,,,,,,,,1,T-shirt M,30.00,TEE-M,,\n";

    // SO-1002: created 1 Feb, paid 3 Feb; 40.00 + 3 × 10.00 = 70.00 + 10.00 shipping = 80.00, of which 20.00 refunded.
    private const string Order1002 =
        "SO-1002,ann@example.com,partially_refunded,2024-02-03 09:00:00 -0500,USD,70.00,10.00,80.00,20.00,2024-02-01 18:00:00 -0500,1,Scarf,40.00,SCARF,US,\n"
        + "SO-1002,,,,,,,,,,3,Socks,10.00,SOCKS,,\n";

    // SO-1003: cancelled an hour after it was placed.
    private const string Order1003 =
        "SO-1003,ann@example.com,voided,,USD,45.00,0.00,45.00,0.00,2024-02-10 11:00:00 -0500,1,Hat,45.00,HAT,US,2024-02-10 12:00:00 -0500\n";

    // SO-1004: not paid yet, so no Paid at; created 23:30 at UTC−5 = 04:30 UTC on 2 March.
    private const string Order1004 =
        "SO-1004,bob@example.com,pending,,USD,20.00,5.00,25.00,0.00,2024-03-01 23:30:00 -0500,1,Card,20.00,CARD,GB,\n";

    private const string Export = Header + "\n" + Order1001 + Order1002 + Order1003 + Order1004;

    private static readonly IngestOptions ReadableEmails = new() { HashEmails = false };

    [Fact]
    public async Task Shopify_header_selects_the_shopify_mapping()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(Export, ReadableEmails);

        // Assert: all six line-item rows are read.
        Assert.Equal(("shopify-orders", 6L, 6L), (run.Report.Mapping, run.Report.RowsRead, run.Report.RowsAccepted));
    }

    [Fact]
    public async Task Later_line_items_inherit_customer_and_date_from_the_first_row_of_their_order()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(Export, ReadableEmails);

        // Assert: SO-1001 was paid 10:30 at UTC−5 = 15:30 UTC on 15 January; its second row has neither e-mail nor date.
        Assert.Equal(
            [("ann@example.com", new DateOnly(2024, 1, 15)), ("ann@example.com", new DateOnly(2024, 1, 15))],
            run.Lines.Where(l => l.OrderId == "SO-1001").Select(l => (l.CustomerId, l.OrderDate)));
    }

    [Fact]
    public async Task Later_line_items_inherit_the_billing_country_of_their_order()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(Export, ReadableEmails);

        // Assert
        Assert.Equal(["US", "US"], run.Lines.Where(l => l.OrderId == "SO-1002").Select(l => l.Country));
    }

    [Fact]
    public async Task Order_revenue_is_total_minus_refunded_counted_once_per_order()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(Export, ReadableEmails);

        // Assert: SO-1001 60.00 − 0.00; SO-1002 80.00 − 20.00 = 60.00 (not 80 per line item); SO-1004 25.00.
        // The amount sits on the first line item; the others carry 0.
        var revenue = run.Lines.GroupBy(l => l.OrderId).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));
        Assert.Equal((60.00m, 60.00m, 25.00m), (revenue["SO-1001"], revenue["SO-1002"], revenue["SO-1004"]));
        Assert.Equal([60.00m, 0m], run.Lines.Where(l => l.OrderId == "SO-1001").Select(l => l.Amount));
    }

    [Fact]
    public async Task Paid_at_is_the_order_date()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(Export, ReadableEmails);

        // Assert: SO-1002 was created on 1 February but paid 09:00 at UTC−5 (14:00 UTC) on 3 February.
        Assert.Equal(new DateOnly(2024, 2, 3), run.Lines.First(l => l.OrderId == "SO-1002").OrderDate);
    }

    [Fact]
    public async Task Created_at_is_the_order_date_of_an_order_not_yet_paid()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(Export, ReadableEmails);

        // Assert: SO-1004 created 2024-03-01 23:30 −05:00 = 2024-03-02 04:30 UTC.
        Assert.Equal(new DateOnly(2024, 3, 2), Assert.Single(run.Lines, l => l.OrderId == "SO-1004").OrderDate);
    }

    [Fact]
    public async Task Lines_of_a_cancelled_order_carry_no_revenue_and_are_marked_cancelled()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(Export, ReadableEmails);

        // Assert: SO-1003's Total of 45.00 does not count.
        var line = Assert.Single(run.Lines, l => l.OrderId == "SO-1003");
        Assert.Equal((0m, true), (line.Amount, line.IsCancellation));
    }

    [Fact]
    public async Task Product_is_the_line_item_sku()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(Export, ReadableEmails);

        // Assert
        Assert.Equal(["MUG-BLUE", "TEE-M", "SCARF", "SOCKS", "HAT", "CARD"], run.Lines.Select(l => l.Product));
    }

    [Fact]
    public async Task Frequency_counts_orders_not_line_items()
    {
        // Arrange: ann's two orders without the cancelled one.
        var export = Header + "\n" + Order1001 + Order1002;

        // Act
        var ann = await ScoreAnnAsync(export);

        // Assert: 4 line items in 2 orders (#1001, #1002) worth 60.00 + 60.00 = 120.00.
        Assert.Equal((2, 120.00m), (ann.Frequency, ann.Monetary));
    }

    [Fact]
    public async Task Cancelled_order_is_no_order_and_brings_no_revenue()
    {
        // Act: the whole export, with the cancelled #1003 (45.00).
        var ann = await ScoreAnnAsync(Export);

        // Assert: still 2 orders and 120.00; counting #1003 would give 3 and 165.00.
        Assert.Equal((2, 120.00m), (ann.Frequency, ann.Monetary));
    }

    [Fact]
    public async Task Default_order_names_starting_with_a_hash_are_read()
    {
        // Arrange: the same export with Shopify's default order names.
        var export = Export.Replace("SO-", "#", StringComparison.Ordinal);

        // Act
        var run = await ProcessedExport.ProcessAsync(export, ReadableEmails);

        // Assert
        Assert.Null(run.Report.Rejection);
        Assert.Equal(6L, run.Report.RowsAccepted);
        Assert.Equal(["#1001", "#1002", "#1003", "#1004"], run.Lines.Select(l => l.OrderId).Distinct());
    }

    private static async Task<Segments.Core.Rfm.CustomerMetrics> ScoreAnnAsync(string export)
    {
        using var stream = ExportFile.StreamOf(export);
        var report = await FileScorer.ScoreAsync(stream, new ExportSource("orders_export.csv"), new ExportContext(ReadableEmails, MappingCatalog<ExportMapping>.BuiltIn), new DateOnly(2024, 3, 31), CancellationToken.None);
        return Assert.Single(report.Scoring!.Customers, c => c.Metrics.CustomerId == "ann@example.com").Metrics;
    }
}
