using Segments.Core.Products;

namespace Segments.Core.Tests.Products;

/// <summary>The catalog CSV: header-driven columns, bad lines reported by line and skipped, never fatal.</summary>
public class ProductCatalogReaderTests
{
    private const string File = "config/products.csv";

    [Fact]
    public void A_valid_catalog_gives_category_vendor_and_one_list_attribute_per_further_column()
    {
        // Arrange
        const string csv = "\uFEFFProduct,Category,Vendor,Material Type\r\n85123A,Kitchen,Acme,Glass\r\n\"22423\",\"Home, Garden\",Acme,\r\n";

        // Act
        var result = ProductCatalogReader.Read(csv, File);

        // Assert
        Assert.Empty(result.Errors);
        var catalog = result.Catalog!;
        Assert.Equal(2, catalog.Count);
        Assert.Equal(["product_categories", "product_vendors", "product_material_type"], catalog.Attributes.Select(a => a.Name));
        var attributes = catalog.AttributesOf(["85123A", "22423", "NOT-LISTED"]);
        Assert.Equal(["Home, Garden", "Kitchen"], attributes["product_categories"]);
        Assert.Equal(["Acme"], attributes["product_vendors"]);
        Assert.Equal(["Glass"], attributes["product_material_type"]);
    }

    [Fact]
    public void Bad_lines_are_reported_with_file_line_and_reason_and_the_rest_is_kept()
    {
        // Arrange: line 3 short, line 4 open quote, line 5 no id, line 6 conflicting duplicate, line 7 identical duplicate.
        const string csv = "product,category,vendor\nA1,Kitchen,Acme\nA2,Garden\nA3,\"Garden,Acme\nA3\n,Kitchen,Acme\nA1,Garden,Acme\nA1,Kitchen,Acme\nA4,Garden,Zed\n";

        // Act
        var result = ProductCatalogReader.Read(csv, File);

        // Assert
        Assert.Equal(
            [
                "config/products.csv line 3: expected 3 fields as in the header, found 2",
                "config/products.csv line 4: a quoted field is not closed",
                "config/products.csv line 5: expected 3 fields as in the header, found 1",
                "config/products.csv line 6: missing product id",
                "config/products.csv line 7: product 'A1' is already listed on line 2 with different attributes; line 2 is kept",
            ],
            result.Errors.Select(e => e.ToString()));
        Assert.Equal(2, result.Catalog!.Count);
        Assert.Equal(["Kitchen"], result.Catalog.AttributesOf(["A1"])["product_categories"]);
    }

    [Fact]
    public void A_header_without_a_product_column_gives_no_catalog_and_says_why()
    {
        // Act
        var result = ProductCatalogReader.Read("sku,category\nA1,Kitchen\n", File);

        // Assert
        Assert.Null(result.Catalog);
        Assert.Equal(["config/products.csv line 1: the header has no 'product' column (found: sku, category); no product attributes this run"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Missing_category_and_vendor_columns_give_empty_lists_and_a_repeated_column_is_ignored()
    {
        // Act
        var result = ProductCatalogReader.Read("product;colour;Colour\nA1;Red;Blue\n", File);

        // Assert
        Assert.Equal(["config/products.csv line 1: column 3 'colour' repeats attribute product_colour; it is ignored"], result.Errors.Select(e => e.ToString()));
        var attributes = result.Catalog!.AttributesOf(["A1"]);
        Assert.Empty(attributes["product_categories"]);
        Assert.Empty(attributes["product_vendors"]);
        Assert.Equal(["Red"], attributes["product_colour"]);
    }
}
