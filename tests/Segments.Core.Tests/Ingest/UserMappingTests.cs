using Segments.Core.Ingest;
using Segments.Core.Ingest.Mappings;

namespace Segments.Core.Tests.Ingest;

/// <summary>A store's own mapping document: read with MappingCatalog{ExportMapping}.Parse, added with its BuiltIn.With.</summary>
public class UserMappingTests
{
    // Etsy's "Sold Orders" download (a subset of its columns): one row per order, dates as MM/dd/yy.
    private const string EtsyExport =
        "Sale Date,Order ID,Buyer User ID,Full Name,Number of Items,Ship Country,Currency,Order Value,Shipping,Order Total\n"
        + "01/15/24,3141592653,buyer-ann,Ann Lee,2,United States,USD,38.00,4.50,42.50\n"
        + "02/03/24,3141599999,buyer-ann,Ann Lee,1,United States,USD,18.00,0.00,18.00\n";

    private const string EtsyMapping =
        """
        {
          "name": "etsy-sold-orders",
          "description": "Etsy Shop Manager > Settings > Options > Download Data > Orders",
          // Comments and trailing commas are allowed: people edit these files by hand.
          "detect": ["Sale Date", "Order ID", "Buyer User ID", "Order Total"],
          "customer": ["Buyer User ID"],
          "order": "Order ID",
          "orderDate": ["Sale Date"],
          "dateFormat": "MM/dd/yy",
          "amount": "Order Total",
          "country": ["Ship Country"],
          "currency": "Currency",
        }
        """;

    [Fact]
    public async Task Export_no_built_in_mapping_knows_is_rejected_by_the_built_in_catalog()
    {
        // Act
        var run = await ProcessedExport.ProcessAsync(EtsyExport, name: "EtsySoldOrders2024.csv");

        // Assert
        Assert.StartsWith("no recognised header", run.Report.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_mapping_reads_an_export_no_built_in_mapping_knows()
    {
        // Arrange
        var (mapping, problems) = MappingCatalog<ExportMapping>.Parse(EtsyMapping, "etsy.json");
        Assert.Empty(problems);
        var catalog = MappingCatalog<ExportMapping>.BuiltIn.With([mapping!]);

        // Act
        var run = await ProcessedExport.ProcessAsync(EtsyExport, name: "EtsySoldOrders2024.csv", catalog: catalog);

        // Assert: "01/15/24" in MM/dd/yy is 15 January 2024; the amount is the Order Total including shipping.
        Assert.Equal("etsy-sold-orders", run.Report.Mapping);
        Assert.Equal(
            [("buyer-ann", "3141592653", new DateOnly(2024, 1, 15), 42.50m, "United States"), ("buyer-ann", "3141599999", new DateOnly(2024, 2, 3), 18.00m, "United States")],
            run.Lines.Select(l => (l.CustomerId, l.OrderId, l.OrderDate, l.Amount, l.Country)));
    }

    [Fact]
    public void Invalid_mapping_document_lists_every_problem()
    {
        // Arrange: a name but nothing usable, a bad layout, an invalid pattern without columns, and a bad cancellation rule.
        const string json =
            """
            {
              "name": "broken",
              "layout": "fixed",
              "headerlessPattern": "^([0-9]+",
              "cancellation": { "column": "Status", "kind": "partial" }
            }
            """;

        // Act
        var (mapping, problems) = MappingCatalog<ExportMapping>.Parse(json, "store.json");

        // Assert
        Assert.Null(mapping);
        Assert.Equal(
            [
                "store.json: 'customer' must name at least one column",
                "store.json: 'orderDate' must name at least one column",
                "store.json: an amount is needed: 'amount', 'orderTotal', or both 'quantity' and 'unitPrice'",
                "store.json: 'layout' is 'fixed'; it must be 'delimited' or 'whitespace'",
                "store.json: a headerless layout needs 'columns', the column names in order",
                "store.json: 'headerlessPattern' is not a valid regular expression: ^([0-9]+",
                "store.json: 'cancellation.kind' is 'partial'; it must be 'document' or 'order'",
                "store.json: 'cancellation' needs 'prefix', 'values' or 'nonEmpty'",
            ],
            problems);
    }

    [Fact]
    public void Mapping_document_without_a_name_still_lists_every_problem()
    {
        // Arrange: the name is forgotten, and so are the customer, date and amount columns.
        const string json = """{ "detect": ["Buyer", "Total"] }""";

        // Act
        var (mapping, problems) = MappingCatalog<ExportMapping>.Parse(json, "store.json");

        // Assert
        Assert.Null(mapping);
        Assert.Equal(
            [
                "store.json: 'name' is required",
                "store.json: 'customer' must name at least one column",
                "store.json: 'orderDate' must name at least one column",
                "store.json: an amount is needed: 'amount', 'orderTotal', or both 'quantity' and 'unitPrice'",
            ],
            problems);
    }

    [Fact]
    public void Mapping_document_that_is_not_json_is_reported_as_such()
    {
        // Act
        var (mapping, problems) = MappingCatalog<ExportMapping>.Parse("{ name: etsy", "store.json");

        // Assert
        Assert.Null(mapping);
        Assert.StartsWith("store.json: not a valid mapping document", Assert.Single(problems), StringComparison.Ordinal);
    }
}
