using Segments.Core.Products;
using Segments.Core.Rules;

namespace Segments.Pipeline.Recompute;

/// <summary>What a run evaluates rule segments with, and what it could not use.</summary>
/// <param name="Segments">The usable rule segments.</param>
/// <param name="Errors">Definitions that could not be used, with position and reason.</param>
/// <param name="Products">The product catalog, or null when there is none (no product attributes).</param>
/// <param name="ProductErrors">Catalog lines skipped, with file, line and reason.</param>
public sealed record RuleSegmentInputs(
    IReadOnlyList<RuleSegment> Segments,
    IReadOnlyList<string> Errors,
    ProductCatalog? Products,
    IReadOnlyList<string> ProductErrors)
{
    /// <summary>
    /// Per identified customer, what their behaviour events say as of the run (last seen, counts per window): what
    /// event conditions in rules are evaluated against; empty when no events were ingested.
    /// </summary>
    public IReadOnlyDictionary<string, Core.Events.BehaviourFacts> BehaviourFacts { get; init; } = new Dictionary<string, Core.Events.BehaviourFacts>();

    /// <summary>The de-duplicated events before the run's date, each with its resolved customer (null: anonymous).</summary>
    public IReadOnlyList<Core.Events.ResolvedEvent> Events { get; init; } = [];
}
