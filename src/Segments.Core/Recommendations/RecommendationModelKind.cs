using System.Text.Json.Serialization;

namespace Segments.Core.Recommendations;

/// <summary>The models a run measures; the served one is chosen by the holdout (see <see cref="RecommendationEngine"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecommendationModelKind>))]
public enum RecommendationModelKind
{
    /// <summary>The products most customers bought, minus those the customer bought: the baseline.</summary>
    Popularity,

    /// <summary>Item-to-item cosine similarity of co-purchase, top-k neighbours per product.</summary>
    ItemCosine,

    /// <summary>EASE (Steck 2019): a closed-form linear item-to-item model with a ridge penalty.</summary>
    Ease,
}
