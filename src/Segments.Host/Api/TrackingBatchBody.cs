namespace Segments.Host.Api;

/// <summary>The body of <c>POST /api/v1/batch</c>, for the OpenAPI document.</summary>
/// <param name="Batch">The messages, each with its type.</param>
/// <param name="SentAt">When the sender sent the batch; copied into each message that has none.</param>
/// <param name="Context">Merged into each message's context (the message's keys win).</param>
/// <param name="Integrations">Merged into each message's integrations.</param>
/// <param name="WriteKey">The write key, when not sent as HTTP Basic credentials; never stored.</param>
internal sealed record TrackingBatchBody(
    IReadOnlyList<TrackingMessageBody> Batch,
    string? SentAt = null,
    Dictionary<string, object>? Context = null,
    Dictionary<string, object>? Integrations = null,
    string? WriteKey = null);
