namespace Segments.Core.Rules;

/// <summary>The <c>events(…)</c> condition of the rule language (see <see cref="EventCountNode"/>).</summary>
internal sealed partial class QueryParser
{
    /// <summary>The function name of event conditions.</summary>
    public const string EventsFunction = "events";

    private const string Example = "e.g. events('Product Viewed', 30d) >= 3";

    private bool IsEventsCall(Token name) =>
        string.Equals(name.Source, EventsFunction, StringComparison.OrdinalIgnoreCase) && tokens[_index + 1].Kind == TokenKind.LeftParen;

    /// <summary><c>events('name', 30d[, field = value]*) op number</c>, the current token being <c>events</c>.</summary>
    private QueryNode? ParseEvents()
    {
        var open = tokens[_index + 1];
        _index += 2;
        var nameToken = Current;
        if (nameToken.Kind != TokenKind.Text || string.IsNullOrWhiteSpace(nameToken.Text))
        {
            return Fail(nameToken.Position, $"expected an event name in quotes at position {nameToken.Position}, found {nameToken.Describe()}; {Example}");
        }

        if (EventNameCatalog.TypoOf(nameToken.Text) is { } known)
        {
            return Fail(nameToken.Position, $"unknown event {nameToken.Source} at position {nameToken.Position}; did you mean '{known}'?");
        }

        var selector = new EventSelector(nameToken.Text.Trim(), EventNameCatalog.KindOf(nameToken.Text));
        _index++;
        if (Current.Kind != TokenKind.Comma)
        {
            return Fail(Current.Position, $"expected ',' and a window such as 30d after the event name at position {Current.Position}, found {Current.Describe()}; {Example}");
        }

        _index++;
        var window = Current;
        if (window.Kind != TokenKind.RelativeDays || window.Number < 1 || window.Source.StartsWith('+'))
        {
            return Fail(window.Position, $"the window at position {window.Position} must be a number of days of at least 1, such as 7d or 30d; found {window.Describe()}");
        }

        _index++;
        var filters = new List<EventFilter>();
        while (Current.Kind == TokenKind.Comma)
        {
            _index++;
            if (ParseEventFilter() is not { } filter)
            {
                return null;
            }

            filters.Add(filter);
        }

        if (Current.Kind != TokenKind.RightParen)
        {
            return Fail(Current.Position, $"expected ',' and a filter, or ')' to close the '(' at position {open.Position}, found {Current.Describe()} at position {Current.Position}");
        }

        _index++;
        var op = Current;
        if (op.Kind is not (TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual))
        {
            return Fail(op.Position, $"expected a comparison (=, !=, <, <=, >, >=) after events(…) at position {op.Position}, found {op.Describe()}; {Example}");
        }

        _index++;
        var count = Current;
        if (count.Kind != TokenKind.Number)
        {
            return Fail(count.Position, $"expected a count after '{op.Source}' at position {count.Position}, found {count.Describe()}; events(…) counts events, {Example}");
        }

        _index++;
        return new EventCountNode(selector, (int)window.Number, filters, OperatorOf(op.Kind), count.Number);
    }

    /// <summary><c>product = 'X'</c>, <c>category != 'Y'</c> or <c>property = value</c>.</summary>
    private EventFilter? ParseEventFilter()
    {
        var field = Current;
        if (field.Kind != TokenKind.Identifier)
        {
            Fail(field.Position, $"expected a filter such as product = '85123A' or category = 'Kitchen' at position {field.Position}, found {field.Describe()}");
            return null;
        }

        _index++;
        var op = Current;
        if (op.Kind is not (TokenKind.Equal or TokenKind.NotEqual))
        {
            Fail(op.Position, $"expected = or != after '{field.Source}' at position {op.Position}, found {op.Describe()}; event filters compare for equality");
            return null;
        }

        _index++;
        var value = Current;
        AttributeValue? literal = value.Kind switch
        {
            TokenKind.Text => AttributeValue.Of(value.Text),
            TokenKind.Number => AttributeValue.Of(value.Number),
            TokenKind.True => AttributeValue.Of(true),
            TokenKind.False => AttributeValue.Of(false),
            _ => null,
        };
        if (literal is null)
        {
            Fail(value.Position, $"expected a value after '{op.Source}' at position {value.Position}, found {value.Describe()}; write text in quotes, e.g. product = '85123A'");
            return null;
        }

        var name = field.Source.ToLowerInvariant();
        if (name is EventFilter.Product or EventFilter.Category && literal is not TextValue)
        {
            Fail(value.Position, $"{name} at position {field.Position} compares with text in quotes, e.g. {name} = '{(name == EventFilter.Product ? "85123A" : "Kitchen")}'; found {value.Describe()}");
            return null;
        }

        _index++;
        return new EventFilter(name, op.Kind == TokenKind.NotEqual, literal);
    }
}
