namespace Segments.Host.Api;

/// <summary>
/// One Segment spec message (segment.com/docs/connections/spec/common), for the OpenAPI document; the handler reads
/// the JSON itself and keeps every field, these and any other.
/// </summary>
/// <param name="Type">track, identify, page, screen, alias or group; in a single call the route's.</param>
/// <param name="UserId">The customer's id; a message needs it or anonymousId.</param>
/// <param name="AnonymousId">The device or cookie id.</param>
/// <param name="Event">A track call's event name.</param>
/// <param name="MessageId">The sender's unique id (de-duplication); given one when absent.</param>
/// <param name="Timestamp">ISO 8601 with offset; the time received when absent.</param>
/// <param name="Properties">The event's or page's properties (product_id, price, quantity, products[], order_id, total …).</param>
/// <param name="Traits">An identify or group call's traits.</param>
/// <param name="Context">The sender's context (library, ip, page …).</param>
/// <param name="WriteKey">The write key, when not sent as HTTP Basic credentials; never stored.</param>
internal sealed record TrackingMessageBody(
    string? Type = null,
    string? UserId = null,
    string? AnonymousId = null,
    string? Event = null,
    string? MessageId = null,
    string? Timestamp = null,
    Dictionary<string, object>? Properties = null,
    Dictionary<string, object>? Traits = null,
    Dictionary<string, object>? Context = null,
    string? WriteKey = null);
