namespace Segments.Core.Rules;

/// <summary><c>attribute CONTAINS 'item'</c> on a list attribute, or <c>NOT CONTAINS</c> when <paramref name="Negated"/>.</summary>
public sealed record ContainsNode(AttributeDefinition Attribute, bool Negated, QueryLiteral Value) : QueryNode
{
    /// <inheritdoc />
    public override bool? Evaluate(CustomerProfile profile, DateOnly asOf)
    {
        if (!profile.Values.TryGetValue(Attribute.Name, out var actual)
            || actual is not TextListValue list
            || Value.Resolve(asOf) is not TextValue item)
        {
            return null;
        }

        var found = list.Items.Contains(item.Value, StringComparer.OrdinalIgnoreCase);
        return found != Negated;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Attribute.Name} {(Negated ? "NOT CONTAINS" : "CONTAINS")} {Value}";
}
