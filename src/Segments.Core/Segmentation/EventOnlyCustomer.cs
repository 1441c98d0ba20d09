namespace Segments.Core.Segmentation;

/// <summary>A customer known only from events (no order): not scored by the order models, but in rule segments.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="History">Their events and behaviour segments.</param>
/// <param name="RuleSegments">Names of the rule segments they match.</param>
public sealed record EventOnlyCustomer(string CustomerId, Events.CustomerEventHistory History, IReadOnlyList<string> RuleSegments);
