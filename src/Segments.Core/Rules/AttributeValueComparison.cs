namespace Segments.Core.Rules;

/// <summary>How two attribute values compare; null when they cannot be (different types).</summary>
internal static class AttributeValueComparison
{
    /// <summary>Sign of <paramref name="actual"/> − <paramref name="expected"/>; text compares ordinally ignoring case.</summary>
    public static int? Order(AttributeValue actual, AttributeValue expected) => (actual, expected) switch
    {
        (NumberValue a, NumberValue b) => a.Value.CompareTo(b.Value),
        (DateValue a, DateValue b) => a.Value.CompareTo(b.Value),
        (TextValue a, TextValue b) => string.Compare(a.Value, b.Value, StringComparison.OrdinalIgnoreCase),
        (BooleanValue a, BooleanValue b) => a.Value.CompareTo(b.Value),
        _ => null,
    };

    /// <summary>Whether <paramref name="order"/> satisfies <paramref name="op"/>.</summary>
    public static bool Satisfies(int order, ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => order == 0,
        ComparisonOperator.NotEqual => order != 0,
        ComparisonOperator.Less => order < 0,
        ComparisonOperator.LessOrEqual => order <= 0,
        ComparisonOperator.Greater => order > 0,
        ComparisonOperator.GreaterOrEqual => order >= 0,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown operator."),
    };

    /// <summary>The operator as written in queries.</summary>
    public static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        _ => op.ToString(),
    };
}
