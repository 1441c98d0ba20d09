using System.Text;
using Segments.Core.Products;
using Segments.Core.Profiles;
using Segments.Core.Rules;
using Segments.Core.Scale;

namespace Segments.Core.Tests.Scale;

public class ProfilesAndProductsTests(GeneratedExportFixture export) : IClassFixture<GeneratedExportFixture>
{
    [Fact]
    public void Rules_over_profiles_and_product_catalog_attributes_match_the_same_customers_bucket_by_bucket()
    {
        // Arrange: a profile for two customers in three (city and birth year), every product in one of two categories.
        var profiles = export.Lines.Select(l => l.CustomerId).Distinct(StringComparer.Ordinal)
            .Where(id => StableHash.Of(id) % 3 != 0)
            .ToDictionary(id => id, id => new CustomerProfileFields { City = StableHash.Of(id) % 3 == 1 ? "Leeds" : "York", BirthYear = 1960 + (int)(StableHash.Of(id) % 40) }, StringComparer.Ordinal);
        var csv = new StringBuilder("product,category,vendor\n");
        foreach (var product in export.Lines.Select(l => l.Product).Where(p => p.Length > 0 && !p.Contains(',', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            csv.Append(product).Append(',').Append(StableHash.Of(product) % 4 == 0 ? "Kitchen" : "Garden").Append(",Acme\n");
        }

        var catalog = ProductCatalogReader.Read(csv.ToString(), "products.csv").Catalog!;
        var rules = SegmentDefinitionLoader.Load("""
            {"segments": [
              {"name": "Leeds thirties", "description": "", "query": "city = 'Leeds' AND age_band = '25-34'"},
              {"name": "Kitchen buyers", "description": "", "query": "product_categories CONTAINS 'Kitchen' AND has_profile = true"}
            ]}
            """, catalog.ExtendRuleAttributes(AttributeCatalog.Standard)).Segments;
        var engine = new Core.Segmentation.SegmentationEngine(export.AsOf);
        export.Lines.ForEach(line => engine.Add(line));
        var whole = engine.Compute(rules, profiles, catalog);
        var split = BucketedRun.Split(export.Lines, 7);
        var model = BucketedScoring.Fit(BucketedRun.Summarise(split, export.AsOf));
        model = BucketedScoring.WithSpendTiers(model, split.Select(b => BucketedScoring.Rank(b.Lines, model)));

        // Act
        var bucketed = split.SelectMany(b => BucketedScoring.Score(b.Lines, model, rules, profiles, catalog)).ToDictionary(c => c.CustomerId, StringComparer.Ordinal);

        // Assert: both rules have members, and every customer is in the same ones with the same profile.
        Assert.All(whole.RuleSegmentCounts, count => Assert.True(count.Customers > 10, $"{count.Name}: {count.Customers} members"));
        Assert.All(whole.Customers, c =>
        {
            var b = bucketed[c.CustomerId];
            Assert.Equal((string.Join("|", c.RuleSegments), c.Profile?.AgeBand, c.Profile?.City), (string.Join("|", b.RuleSegments), b.Profile?.AgeBand, b.Profile?.City));
            Assert.Equal(c.Products, b.Products);
        });
    }
}
