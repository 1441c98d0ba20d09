using Segments.Core.Events;
using Segments.Core.Ingest;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Events;

public class SegmentMessageReaderTests
{
    [Fact]
    public async Task Ecommerce_v2_events_become_canonical_events_with_products_value_and_order()
    {
        // Arrange
        var text = """
            {"type":"track","event":"Product Viewed","messageId":"m1","anonymousId":"a1","timestamp":"2024-03-10T09:00:00+01:00","properties":{"product_id":"P1","price":20}}
            {"type":"track","event":"product added","messageId":"m2","anonymousId":"a1","timestamp":"2024-03-10T09:01:00Z","properties":{"product_id":"P1","price":"20.50","quantity":2}}
            {"type":"track","event":"Order Completed","messageId":"m3","userId":" 42.0 ","anonymousId":"a1","timestamp":"2024-03-10T09:05:00Z","properties":{"order_id":"O-9","total":61.5,"products":[{"product_id":"P1","price":20.5,"quantity":2},{"product_id":"P2","price":20.5}]}}
            {"type":"page","messageId":"m4","anonymousId":"a1","timestamp":"2024-03-10T09:06:00Z"}
            {"type":"identify","messageId":"m5","userId":"42","anonymousId":"a1","timestamp":"2024-03-10T09:07:00Z","traits":{"email":"x@example.com"}}
            {"type":"track","event":"Coupon Applied","messageId":"m6","userId":"42","timestamp":"2024-03-10T09:08:00Z"}
            """;

        // Act
        var result = await EventFiles.ReadAsync(text);

        // Assert
        Assert.Empty(result.Errors);
        Assert.Equal(EventDialect.Segment, result.Dialect);
        Assert.Equal(
            [EventKind.ProductViewed, EventKind.ProductAdded, EventKind.OrderCompleted, EventKind.PageViewed, EventKind.Identify, EventKind.Other],
            result.Events.Select(e => e.Kind));
        var view = result.Events[0];
        Assert.Equal(new DateTimeOffset(2024, 3, 10, 8, 0, 0, TimeSpan.Zero), view.Timestamp);
        Assert.Equal(TimeSpan.Zero, view.Timestamp.Offset);
        Assert.Equal(["P1"], view.ProductIds);
        Assert.Equal(20m, view.Value);
        var add = result.Events[1];
        Assert.Equal(41m, add.Value);
        Assert.Equal(2, add.Quantity);
        Assert.Equal("product added", add.Name);
        Assert.Null(add.UserId);
        var order = result.Events[2];
        Assert.Equal("42", order.UserId);
        Assert.Equal("O-9", order.OrderId);
        Assert.Equal(61.5m, order.Value);
        Assert.Equal(3, order.Quantity);
        Assert.Equal(["P1", "P2"], order.ProductIds);
        Assert.Equal("m3", order.MessageId);
        Assert.Null(order.SourceDay);
        Assert.Equal("Coupon Applied", result.Events[5].Name);
    }

    [Fact]
    public async Task An_email_user_id_is_hashed_as_an_order_customer_id_is()
    {
        // Arrange
        var line = """{"type":"identify","userId":" Ann@Example.com ","timestamp":"2024-03-10T09:00:00Z"}""";

        // Act
        var events = await EventFiles.EventsAsync(line);

        // Assert
        var expected = new CustomerIdPolicy(EventFiles.Ingest).Normalize("ann@example.com");
        Assert.StartsWith("email:", expected, StringComparison.Ordinal);
        Assert.Equal(expected, events[0].UserId);
    }

    [Fact]
    public async Task Bad_lines_are_rejected_with_line_number_column_and_reason_and_the_rest_is_read()
    {
        // Arrange
        var lines = new[]
        {
            """{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z"}""",
            """{"type":"page","anonymousId":"a","timestamp":""",
            """{"type":"page","anonymousId":"a"}""",
            """{"type":"page","anonymousId":"a","timestamp":"last tuesday"}""",
            """{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00"}""",
            """{"type":"track","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z"}""",
            """{"type":"page","anonymousId":"a","timestamp":"2024-03-20T09:00:00Z"}""",
            """{"type":"page","timestamp":"2024-03-10T09:00:00Z"}""",
            """{"type":"track","event":"Product Added","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","properties":{"price":"cheap"}}""",
            "",
            "[1,2]",
            """{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z","properties":{"padding":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}}""",
            """{"type":"page","anonymousId":"a","timestamp":"2024-03-16T11:00:00Z"}""",
        };

        // Act
        var result = await EventFiles.ReadAsync(string.Join('\n', lines), maxRecordChars: 130);

        // Assert
        Assert.Equal(2, result.Events.Count);
        Assert.Equal(new DateTimeOffset(2024, 3, 16, 11, 0, 0, TimeSpan.Zero), result.Events[1].Timestamp);
        Assert.Equal(
            [
                (2L, "", "is not valid JSON"),
                (3L, "timestamp", "is missing"),
                (4L, "timestamp", "is not an ISO 8601 timestamp"),
                (5L, "timestamp", "has no UTC offset (Z or ±hh:mm)"),
                (6L, "event", "is missing: a track call needs an event name"),
                (7L, "timestamp", "is 4.9 days in the future (more than 24 hours ahead of the reading time)"),
                (8L, "userId", "is missing and so is anonymousId: a message needs one of them"),
                (9L, "properties.price", "is not a number"),
                (11L, "", "is not a JSON object"),
                (12L, "", "is 144 characters long, over the 130-character limit for one record"),
            ],
            result.Errors.Select(e => (e.Line, e.Column, e.Reason.StartsWith("is not valid JSON", StringComparison.Ordinal) ? "is not valid JSON" : e.Reason)));
        Assert.Equal("cheap", result.Errors[7].Value);
        Assert.Equal(RowError.MaxValueLength + 1, result.Errors[9].Value.Length);
    }

    [Fact]
    public async Task The_dialect_is_detected_from_the_first_valid_line_and_held_for_the_rest()
    {
        // Arrange: a broken first line, then a Segment message, then a GA4 row that does not fit the detected dialect.
        var text = "{oops\n"
            + """{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z"}""" + "\n"
            + """{"event_name":"page_view","event_timestamp":"1710061200000000","user_pseudo_id":"p"}""";

        // Act
        var result = await EventFiles.ReadAsync(text);

        // Assert
        Assert.Equal(EventDialect.Segment, result.Dialect);
        Assert.Single(result.Events);
        Assert.Equal([1L, 3L], result.Errors.Select(e => e.Line));
        Assert.Equal("type", result.Errors[1].Column);
    }

    [Fact]
    public async Task A_dialect_given_as_a_parameter_is_not_second_guessed()
    {
        // Arrange
        var line = """{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z"}""";

        // Act
        var result = await EventFiles.ReadAsync(line, EventDialect.Ga4);

        // Assert
        Assert.Empty(result.Events);
        Assert.Equal("event_name", Assert.Single(result.Errors).Column);
    }

    [Fact]
    public async Task A_huge_line_is_a_row_error_and_crlf_line_ends_are_read()
    {
        // Arrange: a 3 MB line between two good ones, with Windows line ends.
        var good = """{"type":"page","anonymousId":"a","timestamp":"2024-03-10T09:00:00Z"}""";
        var huge = "{\"type\":\"page\",\"padding\":\"" + new string('x', 3_000_000) + "\"}";
        var text = good + "\r\n" + huge + "\r\n" + good + "\r\n";

        // Act
        var result = await EventFiles.ReadAsync(text, maxRecordChars: 1000);

        // Assert
        Assert.Equal(2, result.Events.Count);
        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Equal("is 3,000,028 characters long, over the 1,000-character limit for one record", error.Reason);
        Assert.StartsWith("{\"type\":\"page\",\"padding\":\"xxx", error.Value, StringComparison.Ordinal);
    }
}
