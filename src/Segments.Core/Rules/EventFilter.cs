using System.Globalization;
using Segments.Core.Events;

namespace Segments.Core.Rules;

/// <summary>
/// One filter of an <c>events(…)</c> condition: <c>product = '85123A'</c> (one of the event's products),
/// <c>category = 'Kitchen'</c> (the event's own <c>category</c> property, or a catalog category of one of its
/// products), or any other name for the event's property of that name (<c>coupon = 'SUMMER'</c>). Text compares
/// ignoring case; a number compares as a number.
/// </summary>
/// <param name="Field">The field as written, lower-cased.</param>
/// <param name="Negated">True for <c>!=</c>.</param>
/// <param name="Value">The value, a text or number literal.</param>
public sealed record EventFilter(string Field, bool Negated, AttributeValue Value)
{
    /// <summary>The filter on one event's products.</summary>
    public const string Product = "product";

    /// <summary>The filter on the categories of an event's products.</summary>
    public const string Category = "category";

    /// <summary>Whether <paramref name="item"/> passes the filter; <paramref name="categories"/> gives catalog categories.</summary>
    public bool Matches(BehaviourEvent item, ProductCategories categories)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(categories);
        var found = Field switch
        {
            Product => item.ProductIds.Any(Equal),
            Category => (item.Properties?.GetValueOrDefault(Category) is { } own && Equal(own))
                || item.ProductIds.Any(id => categories.Of(id).Any(Equal)),
            _ => item.Properties?.GetValueOrDefault(Field) is { } property && Equal(property),
        };
        return found != Negated;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Field} {(Negated ? "!=" : "=")} {Value.ToQueryText()}";

    private bool Equal(string actual) => Value switch
    {
        NumberValue number => decimal.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed == number.Value,
        BooleanValue boolean => bool.TryParse(actual, out var parsed) && parsed == boolean.Value,
        TextValue text => string.Equals(actual, text.Value, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
