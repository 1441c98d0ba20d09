using Segments.Core.Rules;

namespace Segments.Core.Tests.Rules;

/// <summary>Every way a query can be wrong is reported with its 1-based position and a plain message.</summary>
public class QueryErrorTests
{
    [Theory]
    // Names
    [InlineData("contry = 'United Kingdom'", 1, "unknown attribute 'contry' at position 1; did you mean 'country'?")]
    [InlineData("orders > 1 AND revnue > 5", 16, "unknown attribute 'revnue' at position 16; did you mean 'revenue'?")]
    [InlineData("shoe_size = 42", 1, "unknown attribute 'shoe_size' at position 1")]
    // Values: 'orders' 1–6, '>=' 8–9, then the value is due at 11 (here the end, or 'AND').
    [InlineData("orders >= ", 11, "expected a value after '>=' at position 11")]
    [InlineData("orders >= AND revenue > 5", 11, "expected a value after '>=' at position 11, found 'AND'")]
    [InlineData("rfm_segment IN ()", 17, "expected a value after '(' at position 17, found ')'")]
    [InlineData("rfm_segment IN ('Lost', )", 25, "expected a value after ',' at position 25, found ')'")]
    // Structure
    [InlineData("", 1, "the query is empty")]
    [InlineData("   ", 1, "the query is empty")]
    [InlineData("orders > 1 AND", 15, "expected an attribute name after 'AND' at position 15, found the end of the query")]
    [InlineData("orders > 1 revenue > 2", 12, "unexpected 'revenue' at position 12; expected AND, OR or the end of the query")]
    [InlineData("orders 3", 8, "expected an operator (=, !=, <, <=, >, >=, IN, NOT IN, CONTAINS) after 'orders' at position 8, found '3'")]
    [InlineData("country NOT = 'UK'", 13, "expected IN or CONTAINS after NOT at position 13, found '='")]
    [InlineData("(orders > 1 OR revenue > 5", 27, "expected ')' to close the '(' at position 1, found the end of the query at position 27")]
    [InlineData("rfm_segment IN 'Lost'", 16, "expected '(' after IN at position 16, found 'Lost'")]
    [InlineData("rfm_segment IN ('Lost' 'At Risk')", 24, "expected ',' or ')' in the IN list at position 24, found 'At Risk'")]
    // Characters
    [InlineData("country = 'United", 11, "unterminated text starting at position 11; close it with '")]
    [InlineData("country = \"UK", 11, "unterminated text starting at position 11; close it with \"")]
    [InlineData("orders ! 3", 8, "unexpected '!' at position 8; did you mean '!='?")]
    [InlineData("orders > 3 & revenue > 1", 12, "unexpected '&' at position 12")]
    [InlineData("last_order_date > -90days", 19, "'-90days' at position 19 is neither a number nor a relative date such as -90d")]
    [InlineData("last_order_date > -36501d", 19, "relative date '-36501d' at position 19 is more than 36500 days away")]
    public void A_malformed_query_reports_where_and_why(string query, int position, string message)
    {
        // Act
        var result = SegmentQuery.Parse(query);

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Equal(new QueryError(position, message), result.Error);
    }

    [Theory]
    // Operator on the wrong type: the position is the operator's.
    [InlineData("country < 'M'", 9, "cannot use '<' on text attribute 'country' at position 9; use =, !=, IN or NOT IN")]
    [InlineData("products = 'Mug'", 10, "cannot use '=' on list attribute 'products' at position 10; use CONTAINS or NOT CONTAINS")]
    [InlineData("products IN ('Mug')", 10, "cannot use IN on list attribute 'products' at position 10; use CONTAINS or NOT CONTAINS")]
    [InlineData("country CONTAINS 'King'", 9, "cannot use CONTAINS on text attribute 'country' at position 9; CONTAINS is for lists such as 'products'; use = or IN")]
    // Value of the wrong type: the position is the value's.
    [InlineData("orders >= 'three'", 11, "cannot compare number attribute 'orders' with text 'three' at position 11; write numbers without quotes, e.g. 3 or 99.5")]
    [InlineData("country = 44", 11, "cannot compare text attribute 'country' with the number 44 at position 11; write text in single quotes")]
    [InlineData("country = true", 11, "cannot compare text attribute 'country' with true at position 11; write text in single quotes")]
    [InlineData("orders > -90d", 10, "cannot compare number attribute 'orders' with the relative date -90d at position 10; write numbers without quotes, e.g. 3 or 99.5")]
    [InlineData("last_order_date > 90", 19, "cannot compare date attribute 'last_order_date' with the number 90 at position 19; write dates as 'YYYY-MM-DD' or relative to the run as -90d")]
    [InlineData("last_order_date > 'last week'", 19, "'last week' at position 19 is not a date; write dates as 'YYYY-MM-DD' or relative to the run as -90d")]
    [InlineData("first_order_date >= '2011-02-30'", 21, "'2011-02-30' at position 21 is not a date; write dates as 'YYYY-MM-DD' or relative to the run as -90d")]
    [InlineData("rfm_segment IN ('Lost', 3)", 25, "cannot compare text attribute 'rfm_segment' with the number 3 at position 25; write text in single quotes")]
    public void A_type_error_is_reported_when_the_query_is_parsed(string query, int position, string message)
    {
        // Act
        var result = SegmentQuery.Parse(query);

        // Assert
        Assert.Equal(new QueryError(position, message), result.Error);
    }

    [Fact]
    public void A_query_nested_deeper_than_the_limit_is_refused_without_overflowing()
    {
        // Arrange: 100 opening parentheses; the 65th (at position 65) is one level too deep.
        var query = new string('(', 100) + "orders > 1" + new string(')', 100);

        // Act
        var result = SegmentQuery.Parse(query);

        // Assert
        Assert.Equal(new QueryError(65, "the query nests deeper than 64 levels at position 65"), result.Error);
    }

    [Fact]
    public void A_query_nested_to_the_limit_parses()
    {
        // Arrange
        var query = new string('(', 63) + "orders > 1" + new string(')', 63);

        // Act
        var result = SegmentQuery.Parse(query);

        // Assert: 63 parentheses + the condition itself = 64 levels.
        Assert.True(result.IsSuccess);
    }
}
