namespace Segments.Core.Rules;

/// <summary>A segment definition whose query parsed and type-checked: ready to evaluate.</summary>
public sealed record RuleSegment(SegmentDefinition Definition, SegmentQuery Query)
{
    /// <summary>The segment's name.</summary>
    public string Name => Definition.Name;

    /// <summary>True when the customer is in the segment as of the run's date.</summary>
    public bool Matches(CustomerProfile profile, DateOnly asOf) => Query.Matches(profile, asOf);

    /// <summary>The clauses that put the customer in the segment, with their values (see <see cref="MatchedClauses"/>).</summary>
    public IReadOnlyList<string> Explain(CustomerProfile profile, DateOnly asOf) => MatchedClauses.Of(Query, profile, asOf);
}
