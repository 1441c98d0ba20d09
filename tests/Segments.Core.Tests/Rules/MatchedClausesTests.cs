using Segments.Core.Rules;
using static Segments.Core.Tests.Rules.ProfileBuilder;

namespace Segments.Core.Tests.Rules;

public sealed class MatchedClausesTests
{
    private static IReadOnlyList<string> Clauses(string query, CustomerProfile profile)
    {
        var parsed = SegmentQuery.Parse(query);
        Assert.True(parsed.IsSuccess, parsed.Error?.Message);
        return MatchedClauses.Of(parsed.Query, profile, AsOf);
    }

    [Fact]
    public void Every_clause_of_an_AND_is_listed_with_the_customers_value()
    {
        var profile = Profile(
            ("country", AttributeValue.Of("United Kingdom")),
            ("orders", AttributeValue.Of(7m)),
            ("last_order_date", AttributeValue.Of(new DateOnly(2011, 12, 7))));

        Assert.Equal(
            [
                "country = 'United Kingdom': country is 'United Kingdom'",
                "orders >= 3: orders is 7",
                "last_order_date > -90d: last_order_date is '2011-12-07' (-90d is 2011-09-11)",
            ],
            Clauses("country = 'United Kingdom' AND orders >= 3 AND last_order_date > -90d", profile));
    }

    [Fact]
    public void Only_the_sides_of_an_OR_that_hold_are_listed()
    {
        var profile = Profile(("rfm_segment", AttributeValue.Of("At Risk")), ("revenue", AttributeValue.Of(100.5m)));

        Assert.Equal(
            ["rfm_segment IN ('At Risk', 'Can''t Lose Them'): rfm_segment is 'At Risk'"],
            Clauses("rfm_segment IN ('At Risk', 'Can''t Lose Them') OR revenue > 2000", profile));
    }

    [Fact]
    public void A_negated_clause_shows_the_values_it_looked_at()
    {
        Assert.Equal(["(NOT country = 'Norway'): country is 'France'"], Clauses("NOT country = 'Norway'", Profile(("country", AttributeValue.Of("France")))));
    }

    [Fact]
    public void A_product_clause_says_whether_the_customer_bought_it()
    {
        var profile = Profile(("products", AttributeValue.Of(["85123A", "22423"])));

        Assert.Equal(["products CONTAINS '22423': bought"], Clauses("products CONTAINS '22423'", profile));
    }

    [Fact]
    public void A_query_that_does_not_hold_has_no_clauses()
    {
        Assert.Empty(Clauses("orders >= 3", Profile(("orders", AttributeValue.Of(2m)))));
    }
}
