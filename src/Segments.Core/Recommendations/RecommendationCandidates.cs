namespace Segments.Core.Recommendations;

/// <summary>
/// The models a run measures on its holdout (popularity, item cosine, EASE per λ), fitted once from the merged
/// training statistics; each bucket measures them on its own customers (<see cref="BucketedRecommender.Evaluate"/>).
/// </summary>
/// <param name="HoldoutStart">First day held out.</param>
/// <param name="End">Last day held out (the as-of).</param>
/// <param name="Catalogue">The training side's products and buyers, which the models' indexes refer to.</param>
/// <param name="Models">In the order the whole-population engine measures them (ties go to the first).</param>
public sealed record RecommendationCandidates(DateOnly HoldoutStart, DateOnly End, InteractionMatrix Catalogue, IReadOnlyList<RecommendationCandidate> Models);
