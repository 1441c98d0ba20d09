namespace Segments.Pipeline.Api.Destinations;

/// <summary>A delivery that failed every attempt, as <c>GET /api/destinations/{name}</c> lists it.</summary>
/// <param name="WebhookId">Its stable <c>webhook-id</c>.</param>
/// <param name="RunId">The run.</param>
/// <param name="Batch">Its batch number.</param>
/// <param name="Events">Events in it.</param>
/// <param name="Attempts">Requests made.</param>
/// <param name="LastAttemptAt">When it was last tried.</param>
/// <param name="Error">Why the last attempt failed.</param>
public sealed record DeadLetterView(string WebhookId, string RunId, int Batch, int Events, int Attempts, DateTimeOffset? LastAttemptAt, string? Error);
