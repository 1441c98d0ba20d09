namespace Segments.Core.Recommendations;

/// <summary>What the holdout measured, and the model it chose.</summary>
/// <param name="HoldoutStart">First day held out; training is everything before.</param>
/// <param name="HoldoutEnd">Last day held out (the as-of).</param>
/// <param name="TrainingProducts">Products in the training data.</param>
/// <param name="K">The cut-off of the metrics (the number recommended).</param>
/// <param name="Models">Every model measured: popularity, cosine, EASE per λ tried.</param>
/// <param name="Chosen">The model with the best hit rate (then NDCG), the one served.</param>
/// <param name="Lambda">Its λ when it is EASE.</param>
public sealed record RecommendationEvaluation(
    DateOnly HoldoutStart,
    DateOnly HoldoutEnd,
    int TrainingProducts,
    int K,
    IReadOnlyList<RecommendationMetrics> Models,
    RecommendationModelKind Chosen,
    double? Lambda)
{
    /// <summary>The chosen model's metrics.</summary>
    public RecommendationMetrics ChosenMetrics => Models.First(m => m.Model == Chosen && m.Lambda == Lambda);

    /// <summary>The popularity baseline's metrics.</summary>
    public RecommendationMetrics Baseline => Models.First(m => m.Model == RecommendationModelKind.Popularity);
}
