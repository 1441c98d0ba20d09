namespace Segments.Core.Recommendations;

/// <summary>One model measured on the holdout, fitted on the training side of every bucket.</summary>
/// <param name="Kind">The model.</param>
/// <param name="Lambda">EASE's λ; null for the others.</param>
/// <param name="Model">Its item-to-item weights; null for popularity.</param>
/// <param name="FitMs">Milliseconds its fit took (EASE's λs share the Gram matrix, counted with each).</param>
public sealed record RecommendationCandidate(RecommendationModelKind Kind, double? Lambda, IItemWeights? Model, long FitMs);
