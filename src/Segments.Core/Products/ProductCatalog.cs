using Segments.Core.Rules;

namespace Segments.Core.Products;

/// <summary>
/// The store's product catalog (<c>config/products.csv</c>): per product id, one value per catalog
/// attribute. Turns the products a customer bought into list attributes for rule queries.
/// </summary>
public sealed class ProductCatalog
{
    private readonly Dictionary<string, IReadOnlyList<string>> _valuesByProduct;

    /// <summary>Creates a catalog.</summary>
    /// <param name="attributes">The rule attributes it derives (<c>product_categories</c>, <c>product_vendors</c>, then one <c>product_X</c> per further column).</param>
    /// <param name="valuesByProduct">Per product id (exact text, as in the order exports), the values aligned with <paramref name="attributes"/>; an empty value means "none".</param>
    public ProductCatalog(IReadOnlyList<AttributeDefinition> attributes, IReadOnlyDictionary<string, IReadOnlyList<string>> valuesByProduct)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(valuesByProduct);
        Attributes = attributes;
        _valuesByProduct = new Dictionary<string, IReadOnlyList<string>>(valuesByProduct, StringComparer.Ordinal);
    }

    /// <summary>The rule attributes the catalog derives, in column order.</summary>
    public IReadOnlyList<AttributeDefinition> Attributes { get; }

    /// <summary>Products listed.</summary>
    public int Count => _valuesByProduct.Count;

    /// <summary>
    /// The attributes rule queries may name with this catalog: <paramref name="catalog"/> plus every
    /// <c>product_X</c> of a further column (the category and vendor lists are standard already).
    /// </summary>
    public AttributeCatalog ExtendRuleAttributes(AttributeCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.With(Attributes.Where(a => catalog.Find(a.Name) is null));
    }

    /// <summary>
    /// Per attribute, the distinct non-empty values (ignoring case; the first spelling met is kept, sorted
    /// ordinally) over the catalogued products among <paramref name="products"/>. Products the catalog does
    /// not list add nothing; every attribute is present, empty when no bought product has a value.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AttributesOf(IEnumerable<string> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        var sets = Attributes.Select(_ => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)).ToArray();
        foreach (var product in products)
        {
            if (!_valuesByProduct.TryGetValue(product, out var values))
            {
                continue;
            }

            for (var i = 0; i < sets.Length; i++)
            {
                if (values[i].Length > 0)
                {
                    sets[i].TryAdd(values[i], values[i]);
                }
            }
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < sets.Length; i++)
        {
            result[Attributes[i].Name] = sets[i].Values.Order(StringComparer.Ordinal).ToList();
        }

        return result;
    }
}
