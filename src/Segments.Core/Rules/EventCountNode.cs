using System.Globalization;

namespace Segments.Core.Rules;

/// <summary>
/// <c>events('Product Viewed', 30d, product = '85123A') &gt;= 3</c>: how many of the named events, passing every
/// filter, the customer had on the UTC days [D − window, D − 1], compared with a number. Never unknown: a customer
/// without events has none, so <c>events('Checkout Started', 7d) = 0</c> is "did not".
/// </summary>
/// <param name="Event">Which events count.</param>
/// <param name="WindowDays">The trailing window in days.</param>
/// <param name="Filters">Filters every counted event passes.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Value">The number compared with.</param>
public sealed record EventCountNode(EventSelector Event, int WindowDays, IReadOnlyList<EventFilter> Filters, ComparisonOperator Operator, decimal Value) : QueryNode
{
    /// <inheritdoc />
    public override bool? Evaluate(CustomerProfile profile, DateOnly asOf) =>
        AttributeValueComparison.Satisfies(((decimal)Count(profile, asOf)).CompareTo(Value), Operator);

    /// <summary>The count this condition compares, for the customer on <paramref name="asOf"/>.</summary>
    public int Count(CustomerProfile profile, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Events is not { } history)
        {
            return 0;
        }

        return history.Count(e => Event.Matches(e) && Filters.All(f => f.Matches(e, history.Categories)), WindowDays, asOf);
    }

    /// <summary>The left-hand side as written, e.g. <c>events('Product Viewed', 30d)</c>.</summary>
    public string Call =>
        $"events({AttributeValue.Quote(Event.Name)}, {WindowDays.ToString(CultureInfo.InvariantCulture)}d{string.Concat(Filters.Select(f => ", " + f))})";

    /// <inheritdoc />
    public override string ToString() =>
        $"{Call} {AttributeValueComparison.Symbol(Operator)} {Value.ToString(CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public bool Equals(EventCountNode? other) =>
        other is not null && Event == other.Event && WindowDays == other.WindowDays && Filters.SequenceEqual(other.Filters)
        && Operator == other.Operator && Value == other.Value;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Event, WindowDays, Filters.Count, Operator, Value);
}
