namespace Segments.Core.Rules;

/// <summary><c>attribute op value</c>, e.g. <c>orders &gt;= 3</c>.</summary>
public sealed record ComparisonNode(AttributeDefinition Attribute, ComparisonOperator Operator, QueryLiteral Value) : QueryNode
{
    /// <inheritdoc />
    public override bool? Evaluate(CustomerProfile profile, DateOnly asOf)
    {
        if (!profile.Values.TryGetValue(Attribute.Name, out var actual))
        {
            return null;
        }

        return AttributeValueComparison.Order(actual, Value.Resolve(asOf)) is { } order
            ? AttributeValueComparison.Satisfies(order, Operator)
            : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Attribute.Name} {AttributeValueComparison.Symbol(Operator)} {Value}";
}
