namespace Segments.Core.Rules;

/// <summary><c>attribute IN (v1, v2, …)</c>, or <c>NOT IN</c> when <paramref name="Negated"/>.</summary>
public sealed record InNode(AttributeDefinition Attribute, bool Negated, IReadOnlyList<QueryLiteral> Values) : QueryNode
{
    /// <inheritdoc />
    public override bool? Evaluate(CustomerProfile profile, DateOnly asOf)
    {
        if (!profile.Values.TryGetValue(Attribute.Name, out var actual))
        {
            return null;
        }

        foreach (var literal in Values)
        {
            switch (AttributeValueComparison.Order(actual, literal.Resolve(asOf)))
            {
                case null:
                    return null;
                case 0:
                    return !Negated;
            }
        }

        return Negated;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Attribute.Name} {(Negated ? "NOT IN" : "IN")} ({string.Join(", ", Values)})";
}
