using Segments.Core.Rules;
using static Segments.Core.Tests.Rules.ProfileBuilder;

namespace Segments.Core.Tests.Rules;

public class SegmentQueryTests
{
    private const string UkAtRisk =
        "country = 'United Kingdom' AND orders >= 3 AND last_order_date > -90d AND rfm_segment IN ('At Risk', 'Lost')";

    [Fact]
    public void The_issue_example_matches_a_recent_uk_customer_at_risk()
    {
        // Arrange: UK, 4 orders, last on 2011-10-01 (after -90d = 2011-09-11), RFM At Risk.
        var profile = new CustomerFacts("12747")
        {
            Country = "United Kingdom",
            Orders = 4,
            LastOrderDate = new DateOnly(2011, 10, 1),
            RfmSegment = "At Risk",
        }.ToProfile();

        // Act
        var matches = Matches(UkAtRisk, profile);

        // Assert
        Assert.True(matches);
    }

    [Fact]
    public void The_issue_example_does_not_match_when_one_condition_fails()
    {
        // Arrange: the same customer, but the last order is 2011-09-01, before 2011-09-11.
        var profile = new CustomerFacts("12747")
        {
            Country = "United Kingdom",
            Orders = 4,
            LastOrderDate = new DateOnly(2011, 9, 1),
            RfmSegment = "At Risk",
        }.ToProfile();

        // Act
        var matches = Matches(UkAtRisk, profile);

        // Assert
        Assert.False(matches);
    }

    [Fact]
    public void The_tree_prints_back_as_a_query_that_parses_to_the_same_tree()
    {
        // Arrange
        var first = SegmentQuery.Parse("NOT (country = 'Côte d''Ivoire' OR products NOT CONTAINS 'Mug') AND first_order_date <= '2011-01-31' AND last_order_date > -90d").Query!;

        // Act
        var printed = first.Root.ToString();
        var second = SegmentQuery.Parse(printed).Query!;

        // Assert: AND is left-associative, NOT applies to the parenthesised OR, the quote is doubled again.
        Assert.Equal("(((NOT (country = 'Côte d''Ivoire' OR products NOT CONTAINS 'Mug')) AND first_order_date <= '2011-01-31') AND last_order_date > -90d)", printed);
        Assert.Equal(printed, second.Root.ToString());
    }

    [Fact]
    public void A_custom_catalog_adds_attributes_without_changing_the_parser()
    {
        // Arrange: a shop-specific true/false attribute.
        var catalog = AttributeCatalog.Standard.With(new AttributeDefinition("accepts_marketing", AttributeType.Boolean, "opted in to e-mail"));
        var profile = Profile(("accepts_marketing", AttributeValue.Of(true)), (StandardAttributes.Orders, AttributeValue.Of(2m)));

        // Act
        var query = SegmentQuery.Parse("accepts_marketing = true AND orders > 1", catalog).Query!;

        // Assert
        Assert.True(query.Matches(profile, AsOf));
    }

    [Fact]
    public void A_true_false_attribute_refuses_ordering()
    {
        // Arrange
        var catalog = AttributeCatalog.Standard.With(new AttributeDefinition("accepts_marketing", AttributeType.Boolean, "opted in to e-mail"));

        // Act
        var result = SegmentQuery.Parse("accepts_marketing > false", catalog);

        // Assert
        Assert.Equal(new QueryError(19, "cannot use '>' on true/false attribute 'accepts_marketing' at position 19; use =, !=, IN or NOT IN"), result.Error);
    }

    [Fact]
    public void The_query_keeps_its_text()
    {
        // Act
        var query = SegmentQuery.Parse("orders   >=3").Query!;

        // Assert
        Assert.Equal("orders   >=3", query.Text);
        Assert.Equal("orders >= 3", query.Root.ToString());
    }
}
