using System.Globalization;

namespace Segments.Core.Rules;

/// <summary>
/// Why a query holds for a customer: the clauses that made it true, each with the customer's value. For
/// <c>a AND b</c> both sides are explained, for <c>a OR b</c> the sides that hold, for <c>NOT a</c> the
/// negated clause with the values it looked at.
/// </summary>
public static class MatchedClauses
{
    /// <summary>Longest clause text kept: an IN list of hundreds of products is not an explanation.</summary>
    public const int MaxClauseLength = 300;

    /// <summary>The clauses of <paramref name="query"/> that hold for <paramref name="profile"/>; empty when the query does not hold.</summary>
    public static IReadOnlyList<string> Of(SegmentQuery query, CustomerProfile profile, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(profile);
        var clauses = new List<string>();
        if (query.Root.Evaluate(profile, asOf) == true)
        {
            Collect(query.Root, profile, asOf, clauses);
        }

        return clauses;
    }

    private static void Collect(QueryNode node, CustomerProfile profile, DateOnly asOf, List<string> clauses)
    {
        switch (node)
        {
            case AndNode and:
                Collect(and.Left, profile, asOf, clauses);
                Collect(and.Right, profile, asOf, clauses);
                break;
            case OrNode or:
                foreach (var side in new[] { or.Left, or.Right }.Where(side => side.Evaluate(profile, asOf) == true))
                {
                    Collect(side, profile, asOf, clauses);
                }

                break;
            case NotNode not:
                var attributes = AttributesOf(not.Operand).Distinct().Select(a => Value(a, profile))
                    .Concat(EventCountsOf(not.Operand).Distinct().Select(e => EventCount(e, profile, asOf)));
                clauses.Add(Cut($"{not}: {string.Join(", ", attributes)}"));
                break;
            case EventCountNode events:
                clauses.Add(Cut($"{events}: {EventCount(events, profile, asOf)}"));
                break;
            case ComparisonNode comparison:
                var cutOff = comparison.Value is RelativeDateLiteral relative
                    ? $" ({relative} is {((DateValue)relative.Resolve(asOf)).Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})"
                    : string.Empty;
                clauses.Add(Cut($"{comparison}: {Value(comparison.Attribute, profile)}{cutOff}"));
                break;
            case InNode @in:
                clauses.Add(Cut($"{@in}: {Value(@in.Attribute, profile)}"));
                break;
            case ContainsNode contains:
                clauses.Add(Cut($"{contains}: {ContainsWords(contains)}"));
                break;
            default:
                clauses.Add(Cut(node.ToString()));
                break;
        }
    }

    // Products are bought; catalog attributes (product_categories, product_X) come from the products bought;
    // any other list (tags) simply holds the item.
    private static string ContainsWords(ContainsNode contains) => contains.Attribute.Name switch
    {
        StandardAttributes.Products => contains.Negated ? "not bought" : "bought",
        var name when name.StartsWith("product_", StringComparison.Ordinal) => contains.Negated ? "no product bought has it" : "a product bought has it",
        _ => contains.Negated ? "not listed" : "listed",
    };

    private static IEnumerable<string> AttributesOf(QueryNode node) => node switch
    {
        AndNode and => AttributesOf(and.Left).Concat(AttributesOf(and.Right)),
        OrNode or => AttributesOf(or.Left).Concat(AttributesOf(or.Right)),
        NotNode not => AttributesOf(not.Operand),
        ComparisonNode c => [c.Attribute.Name],
        InNode i => [i.Attribute.Name],
        ContainsNode c => [c.Attribute.Name],
        _ => [],
    };

    private static IEnumerable<EventCountNode> EventCountsOf(QueryNode node) => node switch
    {
        AndNode and => EventCountsOf(and.Left).Concat(EventCountsOf(and.Right)),
        OrNode or => EventCountsOf(or.Left).Concat(EventCountsOf(or.Right)),
        NotNode not => EventCountsOf(not.Operand),
        EventCountNode events => [events],
        _ => [],
    };

    private static string EventCount(EventCountNode events, CustomerProfile profile, DateOnly asOf) =>
        $"{events.Count(profile, asOf).ToString(CultureInfo.InvariantCulture)} in the last {events.WindowDays.ToString(CultureInfo.InvariantCulture)} days";

    private static string Value(AttributeDefinition attribute, CustomerProfile profile) => Value(attribute.Name, profile);

    private static string Value(string attribute, CustomerProfile profile) =>
        profile.Values.TryGetValue(attribute, out var value)
            ? $"{attribute} is {Text(value)}"
            : $"{attribute} is unknown";

    private static string Text(AttributeValue value) => value switch
    {
        NumberValue number => number.Value.ToString("0.####", CultureInfo.InvariantCulture),
        TextListValue list => $"a list of {list.Items.Count}",
        _ => value.ToQueryText(),
    };

    private static string Cut(string text) => text.Length <= MaxClauseLength ? text : string.Concat(text.AsSpan(0, MaxClauseLength - 1), "…");
}
