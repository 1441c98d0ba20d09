namespace Segments.Core.Rules;

/// <summary><c>Left OR Right</c>.</summary>
public sealed record OrNode(QueryNode Left, QueryNode Right) : QueryNode
{
    /// <inheritdoc />
    public override bool? Evaluate(CustomerProfile profile, DateOnly asOf)
    {
        var left = Left.Evaluate(profile, asOf);
        if (left == true)
        {
            return true;
        }

        var right = Right.Evaluate(profile, asOf);
        return right == true ? true : left == false && right == false ? false : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"({Left} OR {Right})";
}
