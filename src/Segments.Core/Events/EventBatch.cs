namespace Segments.Core.Events;

/// <summary>The events of one ingested file, with the order in which files arrived.</summary>
/// <param name="Sequence">Arrival order (a later file has a larger number), e.g. the ledger's ingestion time in ticks.</param>
/// <param name="Events">The file's events.</param>
public sealed record EventBatch(long Sequence, IReadOnlyList<BehaviourEvent> Events);
