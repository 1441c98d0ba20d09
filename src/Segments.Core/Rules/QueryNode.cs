namespace Segments.Core.Rules;

/// <summary>
/// A node of a parsed query. Evaluation is three-valued, as in SQL: a condition on an attribute the
/// profile lacks is unknown (null), NOT of unknown stays unknown, AND is false if either side is false,
/// OR is true if either side is true. A customer is in a segment only when the whole query is true, so a
/// missing value never puts anyone in (neither <c>p_alive &lt; 0.3</c> nor <c>NOT p_alive &lt; 0.3</c>).
/// </summary>
public abstract record QueryNode
{
    private protected QueryNode()
    {
    }

    /// <summary>true, false, or null for unknown.</summary>
    public abstract bool? Evaluate(CustomerProfile profile, DateOnly asOf);
}
