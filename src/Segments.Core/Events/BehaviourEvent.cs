namespace Segments.Core.Events;

/// <summary>One behaviour event in canonical form, whichever dialect it was read from.</summary>
/// <param name="MessageId">The sender's unique id (Segment <c>messageId</c>); null when the dialect has none (GA4).</param>
/// <param name="UserId">The customer id, normalised and e-mails hashed as order customer ids are; null when absent.</param>
/// <param name="AnonymousId">The device or cookie id (Segment <c>anonymousId</c>, GA4 <c>user_pseudo_id</c>); null when absent.</param>
/// <param name="Kind">The canonical meaning of the event.</param>
/// <param name="Timestamp">When it happened, in UTC.</param>
/// <param name="ProductIds">The products it concerns (one per unit line, in the order given).</param>
/// <param name="Value">Its money value: price × quantity of the products, or an order's or checkout's total; null when not given.</param>
/// <param name="Quantity">Units of product it concerns (0 when none).</param>
/// <param name="OrderId">The order it completes or checks out, when given.</param>
/// <param name="Name">The raw event name (<c>Product Added</c>, <c>add_to_cart</c>, or the call type for page/identify).</param>
/// <param name="SourceDay">
/// For dialects whose exports are re-written per day (GA4 rewrites a day's table for up to 3 days), the key of the
/// exported day (<c>ga4:20240115</c>): a later file with the same key replaces the earlier one's events
/// (<see cref="SourceDayReplacement"/>). Null for dialects de-duplicated by <paramref name="MessageId"/>.
/// </param>
public sealed record BehaviourEvent(
    string? MessageId,
    string? UserId,
    string? AnonymousId,
    EventKind Kind,
    DateTimeOffset Timestamp,
    IReadOnlyList<string> ProductIds,
    decimal? Value,
    int Quantity,
    string? OrderId,
    string Name,
    string? SourceDay)
{
    /// <summary>
    /// The event's scalar properties as text (Segment <c>properties</c> strings, numbers and booleans; GA4
    /// <c>event_params</c>), by name, for rule filters such as <c>events('Order Completed', 90d, coupon = 'SUMMER')</c>;
    /// null when it has none.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Properties { get; init; }

    /// <summary>The UTC day it happened on; every window is counted in whole UTC days.</summary>
    public DateOnly Day => DateOnly.FromDateTime(Timestamp.UtcDateTime);
}
