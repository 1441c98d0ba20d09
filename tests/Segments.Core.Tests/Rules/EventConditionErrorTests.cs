using Segments.Core.Rules;

namespace Segments.Core.Tests.Rules;

/// <summary>Every way an event condition can be wrong is reported with its 1-based position and a plain message.</summary>
public class EventConditionErrorTests
{
    [Theory]
    [InlineData("events('Product Veiwed', 30d) >= 3", 8, "unknown event 'Product Veiwed' at position 8; did you mean 'Product Viewed'?")]
    [InlineData("events(\"add_to_crat\", 7d) > 0", 8, "unknown event \"add_to_crat\" at position 8; did you mean 'add_to_cart'?")]
    [InlineData("events(30d) >= 3", 8, "expected an event name in quotes at position 8, found '30d'; e.g. events('Product Viewed', 30d) >= 3")]
    [InlineData("events('Product Viewed') >= 3", 24, "expected ',' and a window such as 30d after the event name at position 24, found ')'; e.g. events('Product Viewed', 30d) >= 3")]
    [InlineData("events('Product Viewed', 30) >= 3", 26, "the window at position 26 must be a number of days of at least 1, such as 7d or 30d; found '30'")]
    [InlineData("events('Product Viewed', -30d) >= 3", 26, "the window at position 26 must be a number of days of at least 1, such as 7d or 30d; found '-30d'")]
    [InlineData("events('Product Viewed', 0d) >= 3", 26, "the window at position 26 must be a number of days of at least 1, such as 7d or 30d; found '0d'")]
    [InlineData("events('Product Viewed', 30d, product > 'A') >= 3", 39, "expected = or != after 'product' at position 39, found '>'; event filters compare for equality")]
    [InlineData("events('Product Viewed', 30d, 'A') >= 3", 31, "expected a filter such as product = '85123A' or category = 'Kitchen' at position 31, found 'A'")]
    [InlineData("events('Product Viewed', 30d, product = 42) >= 3", 41, "product at position 31 compares with text in quotes, e.g. product = '85123A'; found '42'")]
    [InlineData("events('Product Viewed', 30d, category =) >= 3", 41, "expected a value after '=' at position 41, found ')'; write text in quotes, e.g. product = '85123A'")]
    [InlineData("events('Product Viewed', 30d product = 'A') >= 3", 30, "expected ',' and a filter, or ')' to close the '(' at position 7, found 'product' at position 30")]
    [InlineData("events('Product Viewed', 30d)", 30, "expected a comparison (=, !=, <, <=, >, >=) after events(…) at position 30, found the end of the query; e.g. events('Product Viewed', 30d) >= 3")]
    [InlineData("events('Product Viewed', 30d) >= 'many'", 34, "expected a count after '>=' at position 34, found 'many'; events(…) counts events, e.g. events('Product Viewed', 30d) >= 3")]
    [InlineData("event('Product Viewed', 30d) >= 3", 1, "unknown attribute 'event' at position 1; did you mean 'events(…)'?")]
    public void A_malformed_event_condition_reports_where_and_why(string query, int position, string message)
    {
        // Act
        var result = SegmentQuery.Parse(query);

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Equal(position, result.Error!.Position);
        Assert.Equal(message, result.Error.Message);
    }

    [Theory]
    [InlineData("events('Product Viewed', 30d) >= 3", "events('Product Viewed', 30d) >= 3")]
    [InlineData("EVENTS(\"product viewed\", 7d, Product = '85123A', coupon != 'X') = 0", "events('product viewed', 7d, product = '85123A', coupon != 'X') = 0")]
    public void An_event_condition_parses_to_its_canonical_text(string query, string expected)
    {
        // Act
        var result = SegmentQuery.Parse(query);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(expected, result.Query.Root.ToString());
    }
}
