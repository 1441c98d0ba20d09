using Segments.Core.Events;

namespace Segments.Core.Tests.Events;

public class Ga4RowReaderTests
{
    [Fact]
    public async Task Ga4_export_rows_map_to_canonical_events_with_items_params_and_source_day()
    {
        // Arrange: 1710061200000000 µs = 2024-03-10T09:00:00Z; BigQuery writes INT64 as strings.
        var text = """
            {"event_date":"20240310","event_timestamp":"1710061200000000","event_name":"view_item","user_pseudo_id":"123.456","items":[{"item_id":"SKU1","price":12.5,"quantity":1}]}
            {"event_date":"20240310","event_timestamp":1710061260000000,"event_name":"add_to_cart","user_id":"77","user_pseudo_id":"123.456","items":[{"item_id":"SKU1","price":12.5,"quantity":"2"}],"event_params":[{"key":"currency","value":{"string_value":"EUR"}}]}
            {"event_date":"20240310","event_timestamp":"1710061320000000","event_name":"begin_checkout","user_pseudo_id":"123.456","event_params":[{"key":"value","value":{"double_value":25.0}}]}
            {"event_date":"20240310","event_timestamp":"1710061380000000","event_name":"purchase","user_id":"77","event_params":[{"key":"transaction_id","value":{"string_value":"T-1"}},{"key":"value","value":{"int_value":"30"}}],"items":[{"item_id":"SKU1","price":12.5,"quantity":2}]}
            {"event_date":"20240310","event_timestamp":"1710061440000000","event_name":"page_view","user_pseudo_id":"123.456","event_params":[{"key":"page_location","value":{"string_value":"https://shop/"}}]}
            {"event_date":"20240310","event_timestamp":"1710061500000000","event_name":"session_start","user_pseudo_id":"123.456"}
            """;

        // Act
        var result = await EventFiles.ReadAsync(text);

        // Assert
        Assert.Empty(result.Errors);
        Assert.Equal(EventDialect.Ga4, result.Dialect);
        Assert.Equal(
            [EventKind.ProductViewed, EventKind.ProductAdded, EventKind.CheckoutStarted, EventKind.OrderCompleted, EventKind.PageViewed, EventKind.Other],
            result.Events.Select(e => e.Kind));
        Assert.Equal(new DateTimeOffset(2024, 3, 10, 9, 0, 0, TimeSpan.Zero), result.Events[0].Timestamp);
        Assert.Equal("123.456", result.Events[0].AnonymousId);
        Assert.Null(result.Events[0].UserId);
        Assert.Null(result.Events[0].MessageId);
        Assert.Equal(25m, result.Events[1].Value);
        Assert.Equal(2, result.Events[1].Quantity);
        Assert.Equal("77", result.Events[1].UserId);
        Assert.Equal(25m, result.Events[2].Value);
        Assert.Equal("T-1", result.Events[3].OrderId);
        Assert.Equal(30m, result.Events[3].Value);
        Assert.Equal(["SKU1"], result.Events[3].ProductIds);
        Assert.All(result.Events, e => Assert.Equal("ga4:20240310", e.SourceDay));
    }

    [Fact]
    public async Task Ga4_rows_without_name_timestamp_or_user_or_far_ahead_are_row_errors()
    {
        // Arrange
        var text = """
            {"event_timestamp":"1710061200000000","event_name":"page_view","user_pseudo_id":"p"}
            {"event_name":"page_view","user_pseudo_id":"p"}
            {"event_timestamp":"2024-03-10","event_name":"page_view","user_pseudo_id":"p"}
            {"event_timestamp":"1710061200000000","event_name":"page_view"}
            {"event_timestamp":"1711000000000000","event_name":"page_view","user_pseudo_id":"p"}
            {"event_timestamp":"1710061200000000","event_name":"add_to_cart","user_pseudo_id":"p","items":[{"item_id":"A","price":"n/a"}]}
            {"event_date":"2024-03-10","event_timestamp":"1710061200000000","event_name":"page_view","user_pseudo_id":"p"}
            """;

        // Act
        var result = await EventFiles.ReadAsync(text);

        // Assert
        Assert.Single(result.Events);
        Assert.Equal("ga4:20240310", result.Events[0].SourceDay);
        Assert.Equal(
            [(2L, "event_timestamp"), (3L, "event_timestamp"), (4L, "user_id"), (5L, "event_timestamp"), (6L, "items[0].price"), (7L, "event_date")],
            result.Errors.Select(e => (e.Line, e.Column)));
        Assert.StartsWith("is 5.", result.Errors[3].Reason, StringComparison.Ordinal);
    }
}
