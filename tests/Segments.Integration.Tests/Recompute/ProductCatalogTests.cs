using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;
using Segments.Integration.Tests.Insights;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Recompute;

/// <summary>Rule segments over product attributes from the store's catalog <c>config/products.csv</c>, on Azurite.</summary>
public sealed class ProductCatalogTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    // P9 is bought only by D after the as-of date; line 6 is short a field and is skipped.
    private const string Catalog =
        """
        product,category,vendor,material
        P1,Kitchen,Acme,Steel
        P2,Garden,Zed,Wood
        P3,Kitchen,Zed,Glass
        P9,Garden,Acme,Glass
        P4,Toys

        """;

    private const string Rules =
        """
        {"segments": [
          {"name": "Gardeners", "description": "", "query": "product_categories CONTAINS 'garden'"},
          {"name": "Glass", "description": "", "query": "product_material CONTAINS 'Glass'"}
        ]}
        """;

    [Fact]
    public async Task A_category_rule_holds_exactly_the_buyers_of_that_category_and_a_broken_catalog_line_is_reported()
    {
        await Host.Storage.EnsureReadyAsync(CancellationToken.None);
        var config = new ConfigStore(Host.Storage);
        await config.WriteTextAsync("products.csv", Catalog, CancellationToken.None);
        await config.WriteTextAsync("segments.json", Rules, CancellationToken.None);
        await Host.WaitForBatchAsync(await Host.UploadAsync("five.csv", ProductExports.FiveCustomers));

        await Host.RunAsync(ProductExports.AsOf);

        // P2 (Garden) was bought by A, B and E; D's P9 came after the as-of date. P3 (Glass) by C and D.
        var gardeners = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/rule:Gardeners/customers");
        Assert.Equal(["A", "B", "E"], gardeners.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("customerId").GetString()!).Order(StringComparer.Ordinal));
        var glass = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments/rule:Glass/customers");
        Assert.Equal(["C", "D"], glass.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("customerId").GetString()!).Order(StringComparer.Ordinal));

        var b = await Host.Http.GetFromJsonAsync<JsonElement>("/api/customers/B");
        var membership = b.GetProperty("memberships").EnumerateArray().Single(m => m.GetProperty("segment").GetString() == "rule:Gardeners");
        Assert.Equal(
            ["Gardeners: the rule's query holds; the clauses that decided it, with this customer's values:", "product_categories CONTAINS 'garden': a product bought has it"],
            membership.GetProperty("explanation").EnumerateArray().Select(e => e.GetString()!));

        var listing = await Host.Http.GetFromJsonAsync<JsonElement>("/api/segments");
        Assert.Equal(["config/products.csv line 6: expected 4 fields as in the header, found 2"], listing.GetProperty("productCatalogErrors").EnumerateArray().Select(e => e.GetString()!));
        Assert.Empty(listing.GetProperty("ruleErrors").EnumerateArray());
        var definitions = listing.GetProperty("ruleSegments").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("definition").GetString()!);
        Assert.Equal("product_material CONTAINS 'Glass'", definitions["Glass"]);
    }
}
