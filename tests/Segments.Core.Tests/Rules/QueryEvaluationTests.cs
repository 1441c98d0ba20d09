using Segments.Core.Rules;
using static Segments.Core.Tests.Rules.ProfileBuilder;

namespace Segments.Core.Tests.Rules;

public class QueryEvaluationTests
{
    [Theory]
    [InlineData("orders = 3", true)]
    [InlineData("orders = 4", false)]
    [InlineData("orders != 4", true)]
    [InlineData("orders != 3", false)]
    [InlineData("orders < 4", true)]
    [InlineData("orders < 3", false)]
    [InlineData("orders <= 3", true)]
    [InlineData("orders <= 2", false)]
    [InlineData("orders > 2", true)]
    [InlineData("orders > 3", false)]
    [InlineData("orders >= 3", true)]
    [InlineData("orders >= 4", false)]
    public void Every_comparison_operator_compares_numbers(string query, bool expected)
    {
        // Arrange
        var profile = Profile((StandardAttributes.Orders, AttributeValue.Of(3m)));

        // Act
        var matches = Matches(query, profile);

        // Assert
        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("revenue > 99.99", true)]
    [InlineData("revenue >= 100.005", false)]
    [InlineData("revenue > -5", true)]
    public void Decimal_and_negative_numbers_compare_exactly(string query, bool expected)
    {
        // Arrange
        var profile = Profile((StandardAttributes.Revenue, AttributeValue.Of(100.00m)));

        // Act
        var matches = Matches(query, profile);

        // Assert
        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("2011-09-12", true)]
    [InlineData("2011-09-11", false)]
    public void A_relative_date_counts_back_from_the_runs_as_of_date(string lastOrder, bool expected)
    {
        // Arrange: as of 2011-12-10, -90d is 2011-09-11 (30 days of November, 31 of October, 29 of September).
        var profile = Profile((StandardAttributes.LastOrderDate, AttributeValue.Of(DateOnly.Parse(lastOrder))));

        // Act
        var matches = Matches("last_order_date > -90d", profile);

        // Assert: strictly after Sep 11.
        Assert.Equal(expected, matches);
    }

    [Fact]
    public void The_same_query_moves_with_the_as_of_date()
    {
        // Arrange
        var query = SegmentQuery.Parse("last_order_date >= -30d").Query!;
        var profile = Profile((StandardAttributes.LastOrderDate, AttributeValue.Of(new DateOnly(2011, 11, 10))));

        // Act
        var onDecember10 = query.Matches(profile, new DateOnly(2011, 12, 10));
        var onDecember11 = query.Matches(profile, new DateOnly(2011, 12, 11));

        // Assert: -30d is Nov 10 on Dec 10 (included) and Nov 11 on Dec 11 (Nov 10 is then too old).
        Assert.True(onDecember10);
        Assert.False(onDecember11);
    }

    [Theory]
    [InlineData("first_order_date < '2011-01-01'", true)]
    [InlineData("first_order_date = '2010-12-01'", true)]
    [InlineData("first_order_date > '2010-12-01'", false)]
    public void Absolute_dates_compare_as_dates(string query, bool expected)
    {
        // Arrange
        var profile = Profile((StandardAttributes.FirstOrderDate, AttributeValue.Of(new DateOnly(2010, 12, 1))));

        // Act
        var matches = Matches(query, profile);

        // Assert
        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("country = 'United Kingdom'", true)]
    [InlineData("country = 'united kingdom'", true)]
    [InlineData("country != 'France'", true)]
    [InlineData("country = 'United'", false)]
    public void Text_equality_ignores_case(string query, bool expected)
    {
        // Arrange
        var profile = Profile((StandardAttributes.Country, AttributeValue.Of("United Kingdom")));

        // Act
        var matches = Matches(query, profile);

        // Assert
        Assert.Equal(expected, matches);
    }

    [Fact]
    public void A_doubled_quote_inside_text_stands_for_one_quote()
    {
        // Arrange
        var profile = Profile((StandardAttributes.Country, AttributeValue.Of("Côte d'Ivoire")));

        // Act
        var matches = Matches("country = 'Côte d''Ivoire'", profile);

        // Assert
        Assert.True(matches);
    }

    [Theory]
    [InlineData("rfm_segment IN ('At Risk', 'Lost')", true)]
    [InlineData("rfm_segment IN ('Champions', 'Loyal')", false)]
    [InlineData("rfm_segment NOT IN ('Champions', 'Loyal')", true)]
    [InlineData("rfm_segment NOT IN ('Lost')", false)]
    [InlineData("rfm_r IN (1, 2)", true)]
    [InlineData("rfm_r NOT IN (1, 2)", false)]
    public void In_and_not_in_test_membership_of_a_list_of_values(string query, bool expected)
    {
        // Arrange
        var profile = Profile(
            (StandardAttributes.RfmSegment, AttributeValue.Of("Lost")),
            (StandardAttributes.RfmR, AttributeValue.Of(1m)));

        // Act
        var matches = Matches(query, profile);

        // Assert
        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("products CONTAINS 'WHITE HANGING HEART'", true)]
    [InlineData("products CONTAINS 'white hanging heart'", true)]
    [InlineData("products CONTAINS 'HEART'", false)]
    [InlineData("products NOT CONTAINS 'PARTY BUNTING'", true)]
    [InlineData("products NOT CONTAINS 'JUMBO BAG'", false)]
    public void Contains_tests_whole_items_of_a_list_ignoring_case(string query, bool expected)
    {
        // Arrange
        var profile = Profile((StandardAttributes.Products, AttributeValue.Of(["WHITE HANGING HEART", "JUMBO BAG"])));

        // Act
        var matches = Matches(query, profile);

        // Assert: 'HEART' is part of an item, not an item, so it does not match.
        Assert.Equal(expected, matches);
    }

    [Fact]
    public void And_binds_tighter_than_or()
    {
        // Arrange: a French customer with one order and little revenue.
        var profile = Profile(
            (StandardAttributes.Country, AttributeValue.Of("France")),
            (StandardAttributes.Orders, AttributeValue.Of(1m)),
            (StandardAttributes.Revenue, AttributeValue.Of(10m)));
        var query = SegmentQuery.Parse("country = 'France' OR orders >= 3 AND revenue > 100").Query!;

        // Act
        var matches = query.Matches(profile, AsOf);

        // Assert: read as France OR (orders ≥ 3 AND revenue > 100) → true; (France OR orders ≥ 3) AND revenue > 100 would be false.
        Assert.Equal("(country = 'France' OR (orders >= 3 AND revenue > 100))", query.Root.ToString());
        Assert.True(matches);
    }

    [Fact]
    public void Parentheses_override_precedence()
    {
        // Arrange: the same customer and conditions, grouped the other way.
        var profile = Profile(
            (StandardAttributes.Country, AttributeValue.Of("France")),
            (StandardAttributes.Orders, AttributeValue.Of(1m)),
            (StandardAttributes.Revenue, AttributeValue.Of(10m)));
        var query = SegmentQuery.Parse("(country = 'France' OR orders >= 3) AND revenue > 100").Query!;

        // Act
        var matches = query.Matches(profile, AsOf);

        // Assert: revenue 10 fails the AND.
        Assert.Equal("((country = 'France' OR orders >= 3) AND revenue > 100)", query.Root.ToString());
        Assert.False(matches);
    }

    [Fact]
    public void Not_binds_tighter_than_and()
    {
        // Act
        var query = SegmentQuery.Parse("NOT orders > 1 AND revenue > 5").Query!;

        // Assert
        Assert.Equal("((NOT orders > 1) AND revenue > 5)", query.Root.ToString());
    }

    [Fact]
    public void Keywords_and_attribute_names_ignore_case()
    {
        // Arrange
        var profile = Profile(
            (StandardAttributes.Country, AttributeValue.Of("France")),
            (StandardAttributes.Orders, AttributeValue.Of(3m)));

        // Act
        var lower = SegmentQuery.Parse("Country = 'France' and not ORDERS in (1, 2) or orders contains 'x'");
        var mixed = SegmentQuery.Parse("Country = 'France' And Not ORDERS In (1, 2)").Query!;

        // Assert: the first fails only on CONTAINS (a number is not a list), proving the keywords were read;
        // the second matches: France, and 3 is not in (1, 2).
        Assert.Equal("cannot use CONTAINS on number attribute 'orders' at position 55; CONTAINS is for lists such as 'products'; use = or IN", lower.Error?.Message);
        Assert.True(mixed.Matches(profile, AsOf));
    }
}
