using System.Collections.Frozen;

namespace Segments.Core.Rules;

/// <summary>The attributes queries may name, looked up case-insensitively.</summary>
public sealed class AttributeCatalog
{
    private readonly FrozenDictionary<string, AttributeDefinition> _byName;

    /// <summary>Creates a catalog.</summary>
    /// <exception cref="ArgumentException">A name is not a lower-case identifier, or appears twice.</exception>
    public AttributeCatalog(IEnumerable<AttributeDefinition> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        Attributes = attributes.ToArray();
        foreach (var attribute in Attributes)
        {
            if (!IsIdentifier(attribute.Name))
            {
                throw new ArgumentException($"Attribute name '{attribute.Name}' must be lower-case letters, digits and '_', starting with a letter.", nameof(attributes));
            }
        }

        var duplicate = Attributes.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Attribute '{duplicate.Key}' is defined twice.", nameof(attributes));
        }

        _byName = Attributes.ToFrozenDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The catalog of <see cref="StandardAttributes.All"/>.</summary>
    public static AttributeCatalog Standard { get; } = new(StandardAttributes.All);

    /// <summary>Every attribute, in definition order.</summary>
    public IReadOnlyList<AttributeDefinition> Attributes { get; }

    /// <summary>This catalog with more attributes (for shop-specific data).</summary>
    public AttributeCatalog With(params IEnumerable<AttributeDefinition> more) => new(Attributes.Concat(more));

    /// <summary>The attribute called <paramref name="name"/> (any case), or null.</summary>
    public AttributeDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// The closest known name to a misspelt one, or null when nothing is close: within two edits, or a
    /// third of the name's length for long names, so that <c>contry</c> finds <c>country</c> but
    /// <c>x</c> finds nothing.
    /// </summary>
    public string? SuggestFor(string name)
    {
        var allowed = Math.Max(2, name.Length / 3);
        return Attributes
            .Select(a => (a.Name, Distance: EditDistance.Between(name, a.Name)))
            .Where(c => c.Distance <= allowed && c.Distance < name.Length)
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
