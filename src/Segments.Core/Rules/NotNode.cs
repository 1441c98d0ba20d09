namespace Segments.Core.Rules;

/// <summary><c>NOT Operand</c>.</summary>
public sealed record NotNode(QueryNode Operand) : QueryNode
{
    /// <inheritdoc />
    public override bool? Evaluate(CustomerProfile profile, DateOnly asOf) => !Operand.Evaluate(profile, asOf);

    /// <inheritdoc />
    public override string ToString() => $"(NOT {Operand})";
}
