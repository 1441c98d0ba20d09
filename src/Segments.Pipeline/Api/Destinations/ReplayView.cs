namespace Segments.Pipeline.Api.Destinations;

/// <summary><c>POST /api/destinations/{name}/replay</c>: what was queued again.</summary>
/// <param name="Destination">The destination.</param>
/// <param name="Requeued">Dead-lettered and paused deliveries queued to be sent again (same <c>webhook-id</c>s).</param>
/// <param name="Resumed">Whether the destination had been paused and now sends again.</param>
public sealed record ReplayView(string Destination, int Requeued, bool Resumed);
