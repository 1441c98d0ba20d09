namespace Segments.Core.Recommendations;

/// <summary>
/// An item-to-item model: how much having product <c>from</c> in one's history speaks for product <c>to</c>.
/// A customer's score for a product is the weighted sum over their history (cosine and EASE both have this form).
/// </summary>
public interface IItemWeights
{
    /// <summary>Products the model knows (indexes of its <see cref="InteractionMatrix"/>).</summary>
    int Products { get; }

    /// <summary>Bytes the model holds, for the run's memory account.</summary>
    long Bytes { get; }

    /// <summary>Adds <paramref name="weight"/> × the row of <paramref name="from"/> to <paramref name="scores"/>.</summary>
    void Accumulate(int from, float weight, Span<float> scores);

    /// <summary>The weight of <paramref name="from"/> for <paramref name="to"/> (0 when the model keeps none).</summary>
    float Weight(int from, int to);
}
