using Segments.Core.Recommendations;

namespace Segments.Core.Tests.Recommendations;

public sealed class SegmentRecommendationCalculatorTests
{
    private static CustomerRecommendations List(string id, params string[] products) =>
        new(id, RecommendationModelKind.Ease, false, products.Select((p, i) => new Recommendation(i + 1, p, 1.0 / (i + 1), "r")).ToList());

    [Fact]
    public void A_segment_lists_the_products_in_most_members_lists_ties_by_mean_rank()
    {
        // X is in 3 of 4 lists (ranks 1, 2, 3: mean 2); Y in 2 (ranks 1, 1); Z in 2 (ranks 2, 3: mean 2.5).
        var members = new[] { List("a", "X", "Z"), List("b", "Y", "X"), List("c", "Y", "Z", "X"), List("d") };

        var result = SegmentRecommendationCalculator.For(members, 2);

        Assert.Equal(
            [new SegmentRecommendation(1, "X", 3, 0.75, 2), new SegmentRecommendation(2, "Y", 2, 0.5, 1)],
            result);
    }

    [Fact]
    public void An_empty_segment_has_no_recommendations()
    {
        Assert.Empty(SegmentRecommendationCalculator.For([], 10));
    }
}
