using Segments.Core.Products;
using Segments.Core.Rules;
using Segments.Core.Segmentation;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Products;

/// <summary>A run derives each customer's product attributes from the products bought and rules query them.</summary>
public class ProductAttributeRuleTests
{
    private static readonly DateOnly AsOf = new(2024, 6, 30);

    private static readonly ProductCatalog Catalog = ProductCatalogReader.Read(
        "product,category,vendor,colour\nMUG,Kitchen,Acme,Red\nPOT,Kitchen,Zed,Blue\nRAKE,Garden,Zed,Green\n", "config/products.csv").Catalog!;

    private static SegmentationEngine Engine()
    {
        var engine = new SegmentationEngine(AsOf);
        engine.Add(new TransactionLine("C1", "O1", new DateOnly(2024, 6, 1), 10m, "UK", false) { Product = "MUG" });
        engine.Add(new TransactionLine("C1", "O2", new DateOnly(2024, 6, 5), 10m, "UK", false) { Product = "UNLISTED" });
        engine.Add(new TransactionLine("C2", "O3", new DateOnly(2024, 6, 2), 20m, "UK", false) { Product = "RAKE" });
        // C2 cancelled the pot: a cancelled line is not a purchase, so Kitchen does not count for C2.
        engine.Add(new TransactionLine("C2", "C9", new DateOnly(2024, 6, 3), -5m, "UK", true) { Product = "POT" });
        engine.Add(new TransactionLine("C3", "O4", new DateOnly(2024, 6, 4), 30m, "UK", false) { Product = "POT" });
        engine.Add(new TransactionLine("C3", "O5", new DateOnly(2024, 6, 6), 30m, "UK", false) { Product = "RAKE" });
        return engine;
    }

    private static RuleSegment Rule(string name, string query, AttributeCatalog catalog)
    {
        var parsed = SegmentQuery.Parse(query, catalog);
        Assert.True(parsed.IsSuccess, parsed.Error?.Message);
        return new RuleSegment(new SegmentDefinition(name, string.Empty, query), parsed.Query!);
    }

    [Fact]
    public void Customers_get_the_categories_vendors_and_further_columns_of_what_they_bought_not_cancelled()
    {
        // Arrange
        var attributes = Catalog.ExtendRuleAttributes(AttributeCatalog.Standard);
        var rules = new[]
        {
            Rule("Kitchen", "product_categories CONTAINS 'kitchen'", attributes),
            Rule("Zed only", "product_vendors CONTAINS 'Zed' AND product_vendors NOT CONTAINS 'Acme'", attributes),
            Rule("Red", "product_colour CONTAINS 'Red'", attributes),
        };

        // Act
        var result = Engine().Compute(rules, profiles: null, Catalog);

        // Assert
        var byId = result.Customers.ToDictionary(c => c.CustomerId);
        Assert.Equal(["Kitchen", "Red"], byId["C1"].RuleSegments);
        Assert.Equal(["Zed only"], byId["C2"].RuleSegments);
        Assert.Equal(["Kitchen", "Zed only"], byId["C3"].RuleSegments);
        Assert.Equal(["product_categories CONTAINS 'kitchen': a product bought has it"], byId["C3"].RuleClauses["Kitchen"]);
    }

    [Fact]
    public void Without_a_catalog_product_attributes_are_unknown_and_no_rule_over_them_matches()
    {
        // Arrange
        var rules = new[]
        {
            Rule("Kitchen", "product_categories CONTAINS 'Kitchen'", AttributeCatalog.Standard),
            Rule("Not kitchen", "product_categories NOT CONTAINS 'Kitchen'", AttributeCatalog.Standard),
        };

        // Act
        var result = Engine().Compute(rules, profiles: null);

        // Assert
        Assert.All(result.Customers, c => Assert.Empty(c.RuleSegments));
        Assert.Equal([0, 0], result.RuleSegmentCounts.Select(c => c.Customers));
    }

    [Theory]
    [InlineData("product_categoris CONTAINS 'Kitchen'", "unknown attribute 'product_categoris' at position 1; did you mean 'product_categories'?")]
    [InlineData("product_colour CONTAINS 'Red'", "unknown attribute 'product_colour' at position 1")]
    public void An_unknown_product_attribute_is_a_parse_error_with_a_suggestion(string query, string message)
    {
        // Act: product_colour exists only with a catalog that has the column.
        var result = SegmentQuery.Parse(query, AttributeCatalog.Standard);

        // Assert
        Assert.Equal(message, result.Error!.Message);
    }

    [Fact]
    public void A_misspelt_catalog_column_attribute_suggests_the_column()
    {
        // Act
        var result = SegmentQuery.Parse("product_color CONTAINS 'Red'", Catalog.ExtendRuleAttributes(AttributeCatalog.Standard));

        // Assert
        Assert.Equal("unknown attribute 'product_color' at position 1; did you mean 'product_colour'?", result.Error!.Message);
    }
}
