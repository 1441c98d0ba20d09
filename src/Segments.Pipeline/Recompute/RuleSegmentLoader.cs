using Segments.Core.Products;
using Segments.Core.Rules;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Pipeline.Recompute;

/// <summary>
/// Reads the store's rule segments from <c>config/segments.json</c>, and the product catalog they may query
/// from <c>config/products.csv</c>, at every run. Valid definitions are evaluated; each invalid one, and each
/// bad catalog line, is reported in the run record, never fatal to the run.
/// </summary>
public sealed class RuleSegmentLoader(ConfigStore config)
{
    /// <summary>Blob name of the definitions in the <c>config</c> container.</summary>
    public const string BlobName = "segments.json";

    /// <summary>Blob name of the product catalog in the <c>config</c> container.</summary>
    public const string ProductCatalogBlobName = "products.csv";

    /// <summary>
    /// The usable rule segments and the problems of the others (none when the file is absent), with the
    /// product catalog and its problems (no catalog, so no product attributes, when it is absent or unusable).
    /// The catalog is read first: its further columns are attributes the definitions may name.
    /// </summary>
    public async Task<RuleSegmentInputs> LoadAsync(CancellationToken cancellationToken)
    {
        var csv = await config.ReadTextAsync(ProductCatalogBlobName, cancellationToken).ConfigureAwait(false);
        var products = csv is null ? new ProductCatalogReadResult(null, []) : ProductCatalogReader.Read(csv, $"{StorageNames.ConfigContainer}/{ProductCatalogBlobName}");
        var productErrors = products.Errors.Select(e => e.ToString()).ToList();

        var json = await config.ReadTextAsync(BlobName, cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            return new RuleSegmentInputs([], [], products.Catalog, productErrors);
        }

        var attributes = products.Catalog?.ExtendRuleAttributes(AttributeCatalog.Standard) ?? AttributeCatalog.Standard;
        var set = SegmentDefinitionLoader.Load(json, attributes);
        return new RuleSegmentInputs(set.Segments, set.Errors.Select(e => e.ToString()).ToList(), products.Catalog, productErrors);
    }
}
