using System.Globalization;

namespace Segments.Core.Rules;

// The value family is closed and each member is one line, so they live together: reading them side by
// side is how one checks that every type of AttributeType has exactly one representation.

/// <summary>A typed value of one customer attribute, or a resolved query literal.</summary>
public abstract record AttributeValue
{
    private protected AttributeValue()
    {
    }

    /// <summary>The attribute type this value belongs to.</summary>
    public abstract AttributeType Type { get; }

    /// <summary>The value written as a query literal (strings quoted, quotes doubled).</summary>
    public abstract string ToQueryText();

    /// <summary>A text value.</summary>
    public static AttributeValue Of(string text) => new TextValue(text);

    /// <summary>A number value.</summary>
    public static AttributeValue Of(decimal number) => new NumberValue(number);

    /// <summary>A date value.</summary>
    public static AttributeValue Of(DateOnly date) => new DateValue(date);

    /// <summary>A true/false value.</summary>
    public static AttributeValue Of(bool value) => new BooleanValue(value);

    /// <summary>A list value.</summary>
    public static AttributeValue Of(IReadOnlyList<string> items) => new TextListValue(items);

    internal static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}

/// <summary>Text.</summary>
public sealed record TextValue(string Value) : AttributeValue
{
    /// <inheritdoc />
    public override AttributeType Type => AttributeType.Text;

    /// <inheritdoc />
    public override string ToQueryText() => Quote(Value);
}

/// <summary>A decimal number.</summary>
public sealed record NumberValue(decimal Value) : AttributeValue
{
    /// <inheritdoc />
    public override AttributeType Type => AttributeType.Number;

    /// <inheritdoc />
    public override string ToQueryText() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A calendar date.</summary>
public sealed record DateValue(DateOnly Value) : AttributeValue
{
    /// <inheritdoc />
    public override AttributeType Type => AttributeType.Date;

    /// <inheritdoc />
    public override string ToQueryText() => Quote(Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

/// <summary>true or false.</summary>
public sealed record BooleanValue(bool Value) : AttributeValue
{
    /// <inheritdoc />
    public override AttributeType Type => AttributeType.Boolean;

    /// <inheritdoc />
    public override string ToQueryText() => Value ? "true" : "false";
}

/// <summary>A list of texts.</summary>
public sealed record TextListValue(IReadOnlyList<string> Items) : AttributeValue
{
    /// <inheritdoc />
    public override AttributeType Type => AttributeType.TextList;

    /// <inheritdoc />
    public override string ToQueryText() => "(" + string.Join(", ", Items.Select(Quote)) + ")";
}
