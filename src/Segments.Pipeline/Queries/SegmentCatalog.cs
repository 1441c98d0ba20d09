using System.Globalization;
using Segments.Core.Rules;
using Segments.Pipeline.Recompute;
using Segments.Storage.Blobs;

namespace Segments.Pipeline.Queries;

/// <summary>
/// <c>GET /api/segments</c>: the active run's segments with their sizes, ids and definitions. Rule texts
/// are read from <c>config/segments.json</c> as it is now (a rule changed since the run shows its new text).
/// </summary>
public sealed partial class SegmentCatalog(SegmentQueries queries, ConfigStore config)
{
    /// <summary>The catalog, or null before the first successful run.</summary>
    public async Task<SegmentList?> GetAsync(CancellationToken cancellationToken)
    {
        var list = await queries.GetSegmentsAsync(cancellationToken).ConfigureAwait(false);
        if (list is null)
        {
            return null;
        }

        var rules = await RuleTextsAsync(cancellationToken).ConfigureAwait(false);
        return list with
        {
            Segments = list.Segments.Select(s => s with { Definition = SegmentDefinitions.Rfm(s.Name) }).ToList(),
            LifecycleStages = list.LifecycleStages.Select(s => s with { Definition = SegmentDefinitions.Lifecycle(s.Name, list.LifecycleThresholds) }).ToList(),
            ClusterSegments = list.ClusterSegments.Select(s => s with
            {
                Definition = SegmentDefinitions.Cluster(list.Clusters.First(c => c.Cluster.ToString(CultureInfo.InvariantCulture) == s.Name), list.Clusters.Count),
            }).ToList(),
            RuleSegments = list.RuleSegments.Select(s => s with
            {
                Definition = rules.TryGetValue(s.Name, out var rule) ? rule : "No longer in config/segments.json.",
            }).ToList(),
        };
    }

    private async Task<Dictionary<string, string>> RuleTextsAsync(CancellationToken cancellationToken)
    {
        var json = await config.ReadTextAsync(RuleSegmentLoader.BlobName, cancellationToken).ConfigureAwait(false);
        var texts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (json is null)
        {
            return texts;
        }

        // Only the texts are wanted here, so a rule naming a further product catalog column (product_X, known
        // to the run only from config/products.csv) is shown as written rather than checked against the catalog.
        foreach (var segment in SegmentDefinitionLoader.Load(json, AttributeCatalog.Standard.With(ProductColumnsOf(json))).Segments)
        {
            var d = segment.Definition;
            texts[d.Name] = string.IsNullOrWhiteSpace(d.Description) ? d.Query : $"{d.Query} ({d.Description})";
        }

        return texts;
    }

    private static IEnumerable<AttributeDefinition> ProductColumnsOf(string json) =>
        ProductAttributeName().Matches(json)
            .Select(m => m.Value.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Where(name => AttributeCatalog.Standard.Find(name) is null)
            .Select(name => new AttributeDefinition(name, AttributeType.TextList, "a product catalog column"));

    [System.Text.RegularExpressions.GeneratedRegex(@"\bproduct_[A-Za-z0-9_]+\b")]
    private static partial System.Text.RegularExpressions.Regex ProductAttributeName();
}
