namespace Segments.Pipeline.State;

/// <summary>What a run read from the state: the order ids of its lines (every order id of every batch), and the state's counts.</summary>
/// <param name="OrderIds">Every order id read, as the batch-by-batch read collects them (its <c>replaced</c> set).</param>
/// <param name="BatchesMerged">Batches the state holds.</param>
/// <param name="LinesReplaced">Lines of those batches that newer batches replaced.</param>
/// <param name="Refresh">What bringing the state up to date did.</param>
public sealed record StateReadResult(IReadOnlySet<string> OrderIds, int BatchesMerged, long LinesReplaced, StateRefresh Refresh);
