using System.Globalization;

namespace Segments.Core.Rules;

/// <summary>A value written in a query, already checked against its attribute's type.</summary>
public abstract record QueryLiteral
{
    private protected QueryLiteral()
    {
    }

    /// <summary>The value on the run's as-of date.</summary>
    public abstract AttributeValue Resolve(DateOnly asOf);
}

/// <summary>A literal whose value does not depend on the as-of date.</summary>
public sealed record FixedLiteral(AttributeValue Value) : QueryLiteral
{
    /// <inheritdoc />
    public override AttributeValue Resolve(DateOnly asOf) => Value;

    /// <inheritdoc />
    public override string ToString() => Value.ToQueryText();
}

/// <summary>A date counted in days from the run's as-of date: <c>-90d</c> is 90 days before it.</summary>
public sealed record RelativeDateLiteral(int Days) : QueryLiteral
{
    /// <inheritdoc />
    public override AttributeValue Resolve(DateOnly asOf)
    {
        // Clamped rather than thrown: an as-of near DateOnly's ends must not make evaluation fail.
        var day = Math.Clamp((long)asOf.DayNumber + Days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber);
        return AttributeValue.Of(DateOnly.FromDayNumber((int)day));
    }

    /// <inheritdoc />
    public override string ToString() => Days.ToString("+0;-0;0", CultureInfo.InvariantCulture) + "d";
}
