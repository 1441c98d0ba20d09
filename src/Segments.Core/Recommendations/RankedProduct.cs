namespace Segments.Core.Recommendations;

/// <summary>A product in a ranking, before it is put in words: its index, score, and the history entry that spoke most for it.</summary>
/// <param name="Product">Index in the <see cref="InteractionMatrix"/>.</param>
/// <param name="Score">The model's score.</param>
/// <param name="Because">Position in the customer's history of the strongest contributor; -1 for a best seller.</param>
public readonly record struct RankedProduct(int Product, float Score, int Because);
