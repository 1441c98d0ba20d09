using System.Globalization;

namespace Segments.Core.Rules;

/// <summary>
/// Checks, while parsing, that an operator applies to an attribute's type and that a value written in the
/// query has that type, so that a query that parses can always be evaluated.
/// </summary>
internal static class LiteralBinder
{
    /// <summary>Null when <paramref name="op"/> (as written, e.g. <c>&lt;</c> or <c>IN</c>) may be used on <paramref name="attribute"/>; else the error.</summary>
    public static QueryError? CheckOperator(AttributeDefinition attribute, Token op)
    {
        var isContains = op.Kind == TokenKind.Contains;
        var isOrdering = op.Kind is TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual;
        var hint = attribute.Type switch
        {
            AttributeType.TextList when !isContains => "use CONTAINS or NOT CONTAINS",
            not AttributeType.TextList when isContains => "CONTAINS is for lists such as 'products'; use = or IN",
            AttributeType.Text or AttributeType.Boolean when isOrdering => "use =, !=, IN or NOT IN",
            _ => null,
        };
        return hint is null
            ? null
            : new QueryError(op.Position, $"cannot use {OperatorName(op)} on {attribute.TypeName} attribute '{attribute.Name}' at position {op.Position}; {hint}");
    }

    /// <summary>The typed literal for <paramref name="value"/> compared with <paramref name="attribute"/>, or the error.</summary>
    public static (QueryLiteral? Literal, QueryError? Error) Bind(AttributeDefinition attribute, Token value)
    {
        var literal = (attribute.Type, value.Kind) switch
        {
            (AttributeType.Text or AttributeType.TextList, TokenKind.Text) => new FixedLiteral(AttributeValue.Of(value.Text)),
            (AttributeType.Number, TokenKind.Number) => new FixedLiteral(AttributeValue.Of(value.Number)),
            (AttributeType.Boolean, TokenKind.True) => new FixedLiteral(AttributeValue.Of(true)),
            (AttributeType.Boolean, TokenKind.False) => new FixedLiteral(AttributeValue.Of(false)),
            (AttributeType.Date, TokenKind.RelativeDays) => new RelativeDateLiteral((int)value.Number),
            (AttributeType.Date, TokenKind.Text) => ParseDate(value.Text),
            _ => (QueryLiteral?)null,
        };
        if (literal is not null)
        {
            return (literal, null);
        }

        var message = attribute.Type == AttributeType.Date && value.Kind == TokenKind.Text
            ? $"{value.Describe()} at position {value.Position} is not a date; write dates as 'YYYY-MM-DD' or relative to the run as -90d"
            : $"cannot compare {attribute.TypeName} attribute '{attribute.Name}' with {DescribeValue(value)} at position {value.Position}{TypeHint(attribute)}";
        return (null, new QueryError(value.Position, message));
    }

    private static FixedLiteral? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new FixedLiteral(AttributeValue.Of(date))
            : null;

    private static string DescribeValue(Token value) => value.Kind switch
    {
        TokenKind.Text => $"text {value.Source}",
        TokenKind.Number => $"the number {value.Source}",
        TokenKind.RelativeDays => $"the relative date {value.Source}",
        _ => value.Source.ToLowerInvariant(),
    };

    private static string TypeHint(AttributeDefinition attribute) => attribute.Type switch
    {
        AttributeType.Text or AttributeType.TextList => "; write text in single quotes",
        AttributeType.Number => "; write numbers without quotes, e.g. 3 or 99.5",
        AttributeType.Date => "; write dates as 'YYYY-MM-DD' or relative to the run as -90d",
        AttributeType.Boolean => "; write true or false",
        _ => string.Empty,
    };

    private static string OperatorName(Token op) =>
        op.Kind is TokenKind.In or TokenKind.Contains ? op.Source.ToUpperInvariant() : $"'{op.Source}'";
}
