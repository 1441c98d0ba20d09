namespace Segments.Pipeline.Dashboard;

/// <summary>One run's deliveries to one destination, as the dashboard's deliveries table shows them.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Destination">The destination.</param>
/// <param name="Batches">Batches the run wrote.</param>
/// <param name="Events">Events in them.</param>
/// <param name="Sent">Batches accepted.</param>
/// <param name="Pending">Batches waiting, retrying or held by a pause.</param>
/// <param name="DeadLettered">Batches that failed every attempt.</param>
public sealed record RunDeliveries(string RunId, string Destination, int Batches, int Events, int Sent, int Pending, int DeadLettered);
