namespace Segments.Core.Rules;

/// <summary><c>Left AND Right</c>.</summary>
public sealed record AndNode(QueryNode Left, QueryNode Right) : QueryNode
{
    /// <inheritdoc />
    public override bool? Evaluate(CustomerProfile profile, DateOnly asOf)
    {
        var left = Left.Evaluate(profile, asOf);
        if (left == false)
        {
            return false;
        }

        var right = Right.Evaluate(profile, asOf);
        return right == false ? false : left == true && right == true ? true : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"({Left} AND {Right})";
}
