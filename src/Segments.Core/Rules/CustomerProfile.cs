namespace Segments.Core.Rules;

/// <summary>
/// What rule queries are evaluated against: a customer's attribute values, keyed by attribute name as the
/// catalog spells it. An attribute without a value (a model that did not run, a customer it could not
/// score) is simply absent; queries treat it as unknown and never throw.
/// </summary>
/// <param name="CustomerId">Normalised customer id.</param>
/// <param name="Values">Attribute values by name.</param>
public sealed record CustomerProfile(string CustomerId, IReadOnlyDictionary<string, AttributeValue> Values)
{
    /// <summary>
    /// The customer's events, for <c>events(…)</c> conditions; null when the customer has none (they count zero).
    /// </summary>
    public Events.CustomerEventHistory? Events { get; init; }
}
