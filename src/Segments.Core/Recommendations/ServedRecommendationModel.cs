namespace Segments.Core.Recommendations;

/// <summary>
/// The model a run serves, fitted once from the merged statistics of everything up to the as-of; each bucket ranks its
/// own customers with it (<see cref="BucketedRecommender.Recommend"/>).
/// </summary>
/// <param name="Evaluation">The holdout measurement that chose it.</param>
/// <param name="Catalogue">The products and buyers its indexes refer to.</param>
/// <param name="Kind">The model served.</param>
/// <param name="Lambda">Its λ when it is EASE.</param>
/// <param name="Model">Its item-to-item weights; null for popularity.</param>
public sealed record ServedRecommendationModel(
    RecommendationEvaluation Evaluation,
    InteractionMatrix Catalogue,
    RecommendationModelKind Kind,
    double? Lambda,
    IItemWeights? Model)
{
    /// <summary>Bytes the served weights hold.</summary>
    public long ModelBytes => Model?.Bytes ?? 0;
}
