namespace Segments.Core.Rules;

/// <summary>
/// Recursive-descent parser for rule queries, binding attributes and checking types as it goes.
/// Precedence, loosest first: OR, AND, NOT, then a parenthesised query or one condition.
/// <code>
/// query     := or END
/// or        := and ( OR and )*
/// and       := unary ( AND unary )*
/// unary     := NOT unary | '(' or ')' | condition
/// condition := events | attribute ( compare value | [NOT] IN '(' value ( ',' value )* ')' | [NOT] CONTAINS value )
/// events    := EVENTS '(' 'name' ',' window ( ',' field ( '=' | '!=' ) value )* ')' compare number
/// compare   := '=' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;='
/// value     := 'text' | number | true | false | relative date (-90d)
/// </code>
/// The first error stops parsing; each method returns null after recording it.
/// </summary>
internal sealed partial class QueryParser(IReadOnlyList<Token> tokens, AttributeCatalog catalog)
{
    /// <summary>Recursion bound: a query nested deeper than this is not hand-written, and must not overflow the stack.</summary>
    public const int MaxDepth = 64;

    private int _index;
    private int _depth;

    /// <summary>The first error met, once a method has returned null.</summary>
    public QueryError? Error { get; private set; }

    private Token Current => tokens[_index];

    private Token Previous => tokens[_index - 1];

    /// <summary>Parses the whole token list.</summary>
    public QueryNode? ParseQuery()
    {
        if (Current.Kind == TokenKind.End)
        {
            return Fail(1, "the query is empty");
        }

        var root = ParseOr();
        if (root is null)
        {
            return null;
        }

        return Current.Kind == TokenKind.End
            ? root
            : Fail(Current.Position, $"unexpected {Current.Describe()} at position {Current.Position}; expected AND, OR or the end of the query");
    }

    private QueryNode? ParseOr()
    {
        var left = ParseAnd();
        while (left is not null && Current.Kind == TokenKind.Or)
        {
            _index++;
            var right = ParseAnd();
            left = right is null ? null : new OrNode(left, right);
        }

        return left;
    }

    private QueryNode? ParseAnd()
    {
        var left = ParseUnary();
        while (left is not null && Current.Kind == TokenKind.And)
        {
            _index++;
            var right = ParseUnary();
            left = right is null ? null : new AndNode(left, right);
        }

        return left;
    }

    private QueryNode? ParseUnary()
    {
        _depth++;
        try
        {
            if (_depth > MaxDepth)
            {
                return Fail(Current.Position, $"the query nests deeper than {MaxDepth} levels at position {Current.Position}");
            }

            switch (Current.Kind)
            {
                case TokenKind.Not:
                    _index++;
                    return ParseUnary() is { } operand ? new NotNode(operand) : null;
                case TokenKind.LeftParen:
                    var open = Current;
                    _index++;
                    var inner = ParseOr();
                    if (inner is null)
                    {
                        return null;
                    }

                    if (Current.Kind != TokenKind.RightParen)
                    {
                        return Fail(Current.Position, $"expected ')' to close the '(' at position {open.Position}, found {Current.Describe()} at position {Current.Position}");
                    }

                    _index++;
                    return inner;
                default:
                    return ParseCondition();
            }
        }
        finally
        {
            _depth--;
        }
    }

    private QueryNode? ParseCondition()
    {
        var name = Current;
        if (name.Kind != TokenKind.Identifier)
        {
            var after = _index > 0 ? $" after '{Previous.Source}'" : string.Empty;
            return Fail(name.Position, $"expected an attribute name{after} at position {name.Position}, found {name.Describe()}");
        }

        var attribute = catalog.Find(name.Source);
        if (attribute is null && IsEventsCall(name))
        {
            return ParseEvents();
        }

        if (attribute is null)
        {
            var suggestion = tokens[_index + 1].Kind == TokenKind.LeftParen && EditDistance.Between(name.Source, EventsFunction) <= 2
                ? EventsFunction + "(…)"
                : catalog.SuggestFor(name.Source);
            var hint = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
            return Fail(name.Position, $"unknown attribute '{name.Source}' at position {name.Position}{hint}");
        }

        _index++;
        var op = Current;
        switch (op.Kind)
        {
            case TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual:
                return ParseComparison(attribute, op);
            case TokenKind.In:
                return ParseIn(attribute, negated: false);
            case TokenKind.Contains:
                return ParseContains(attribute, negated: false);
            case TokenKind.Not:
                _index++;
                return Current.Kind switch
                {
                    TokenKind.In => ParseIn(attribute, negated: true),
                    TokenKind.Contains => ParseContains(attribute, negated: true),
                    _ => Fail(Current.Position, $"expected IN or CONTAINS after NOT at position {Current.Position}, found {Current.Describe()}"),
                };
            default:
                return Fail(op.Position, $"expected an operator (=, !=, <, <=, >, >=, IN, NOT IN, CONTAINS) after '{name.Source}' at position {op.Position}, found {op.Describe()}");
        }
    }

    private QueryNode? ParseComparison(AttributeDefinition attribute, Token op)
    {
        if (Check(LiteralBinder.CheckOperator(attribute, op)))
        {
            return null;
        }

        _index++;
        return ParseValue(attribute) is { } value ? new ComparisonNode(attribute, OperatorOf(op.Kind), value) : null;
    }

    private QueryNode? ParseIn(AttributeDefinition attribute, bool negated)
    {
        if (Check(LiteralBinder.CheckOperator(attribute, Current)))
        {
            return null;
        }

        _index++;
        if (Current.Kind != TokenKind.LeftParen)
        {
            return Fail(Current.Position, $"expected '(' after IN at position {Current.Position}, found {Current.Describe()}");
        }

        var values = new List<QueryLiteral>();
        do
        {
            _index++;
            if (ParseValue(attribute) is not { } value)
            {
                return null;
            }

            values.Add(value);
        }
        while (Current.Kind == TokenKind.Comma);

        if (Current.Kind != TokenKind.RightParen)
        {
            return Fail(Current.Position, $"expected ',' or ')' in the IN list at position {Current.Position}, found {Current.Describe()}");
        }

        _index++;
        return new InNode(attribute, negated, values);
    }

    private QueryNode? ParseContains(AttributeDefinition attribute, bool negated)
    {
        if (Check(LiteralBinder.CheckOperator(attribute, Current)))
        {
            return null;
        }

        _index++;
        return ParseValue(attribute) is { } value ? new ContainsNode(attribute, negated, value) : null;
    }

    /// <summary>Reads one value after the token just consumed and binds it to <paramref name="attribute"/>.</summary>
    private QueryLiteral? ParseValue(AttributeDefinition attribute)
    {
        var token = Current;
        if (token.Kind is not (TokenKind.Text or TokenKind.Number or TokenKind.RelativeDays or TokenKind.True or TokenKind.False))
        {
            var found = token.Kind == TokenKind.End ? string.Empty : $", found {token.Describe()}";
            Fail(token.Position, $"expected a value after '{Previous.Source}' at position {token.Position}{found}");
            return null;
        }

        var (literal, error) = LiteralBinder.Bind(attribute, token);
        if (Check(error))
        {
            return null;
        }

        _index++;
        return literal;
    }

    private static ComparisonOperator OperatorOf(TokenKind kind) => kind switch
    {
        TokenKind.Equal => ComparisonOperator.Equal,
        TokenKind.NotEqual => ComparisonOperator.NotEqual,
        TokenKind.Less => ComparisonOperator.Less,
        TokenKind.LessOrEqual => ComparisonOperator.LessOrEqual,
        TokenKind.Greater => ComparisonOperator.Greater,
        _ => ComparisonOperator.GreaterOrEqual,
    };

    private bool Check(QueryError? error)
    {
        Error ??= error;
        return error is not null;
    }

    private QueryNode? Fail(int position, string message)
    {
        Error ??= new QueryError(position, message);
        return null;
    }
}
