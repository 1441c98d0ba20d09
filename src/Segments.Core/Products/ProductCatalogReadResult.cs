namespace Segments.Core.Products;

/// <summary>A catalog file read: the catalog (null when the file cannot give one) and every problem found.</summary>
/// <param name="Catalog">The usable catalog, or null when the header has no product column.</param>
/// <param name="Errors">Problems, by line.</param>
public sealed record ProductCatalogReadResult(ProductCatalog? Catalog, IReadOnlyList<ProductCatalogError> Errors);
