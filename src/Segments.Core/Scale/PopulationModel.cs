using Segments.Core.Btyd;
using Segments.Core.Clustering;
using Segments.Core.Lifecycle;
using Segments.Core.Rfm;
using Segments.Core.Segmentation;

namespace Segments.Core.Scale;

/// <summary>
/// Everything fitted on the whole population that scoring one bucket needs (pass 2's input): the RFM cut points, the
/// lifecycle thresholds, the clusters' centroids and scaling, the customer-base models and, once ranked, the spend
/// tier boundaries. <see cref="PopulationModelFitter.Fit"/> makes it from a merged <see cref="PopulationSummary"/>; it
/// is deterministic, so every worker that fits the same merged summary holds the same model.
/// </summary>
/// <param name="AsOf">The run's date.</param>
/// <param name="Options">How the customer-base models were run.</param>
/// <param name="Rfm">The quintile cut points of recency, frequency and monetary value.</param>
/// <param name="Lifecycle">The lifecycle thresholds (derived from the pooled gaps, or the fallback).</param>
/// <param name="Clusters">k-means fitted on the clustering sample (its per-customer assignments dropped).</param>
/// <param name="Predictions">What the customer-base models were (without the predictive segment counts, which follow from the scored rows).</param>
/// <param name="PurchaseModel">The chosen purchase model refitted on all data; null when none could be fitted.</param>
/// <param name="SpendModel">The Gamma-Gamma fit; null when it could not be fitted.</param>
/// <param name="Customers">Customers in the population (with a non-cancelled order).</param>
public sealed record PopulationModel(
    DateOnly AsOf,
    PredictionOptions Options,
    RfmCutPoints Rfm,
    LifecycleThresholds Lifecycle,
    ClusteringResult Clusters,
    PredictionSummary Predictions,
    IPurchaseModel? PurchaseModel,
    GammaGammaModel? SpendModel,
    long Customers)
{
    /// <summary>Where the spend tiers split the ranking; null until <see cref="SpendRanking"/> has been merged.</summary>
    public SpendTierCuts? SpendTiers { get; init; }
}
