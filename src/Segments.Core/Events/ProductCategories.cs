using Segments.Core.Products;
using Segments.Core.Rules;

namespace Segments.Core.Events;

/// <summary>
/// The catalog categories of the products events name (<c>config/products.csv</c>), looked up once per product
/// however many events name it, for rule filters such as <c>events('Product Added', 7d, category = 'Kitchen')</c>.
/// </summary>
public sealed class ProductCategories
{
    private static readonly IReadOnlyList<string> NoCategories = [];
    private readonly ProductCatalog? _catalog;
    private readonly Dictionary<string, IReadOnlyList<string>> _byProduct = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private ProductCategories(ProductCatalog? catalog) => _catalog = catalog;

    /// <summary>No catalog: no product has a category.</summary>
    public static ProductCategories None { get; } = new(null);

    /// <summary>The categories of <paramref name="catalog"/>; <see cref="None"/> without one.</summary>
    public static ProductCategories From(ProductCatalog? catalog) => catalog is null ? None : new(catalog);

    /// <summary>The categories of one product (empty when the catalog does not list it or has no category column).</summary>
    public IReadOnlyList<string> Of(string productId)
    {
        ArgumentNullException.ThrowIfNull(productId);
        if (_catalog is null)
        {
            return NoCategories;
        }

        // Rules are evaluated from one thread per run today; the lock keeps the cache safe if that changes.
        lock (_gate)
        {
            if (!_byProduct.TryGetValue(productId, out var categories))
            {
                categories = _catalog.AttributesOf([productId]).GetValueOrDefault(StandardAttributes.ProductCategories) ?? NoCategories;
                _byProduct[productId] = categories;
            }

            return categories;
        }
    }
}
