using Segments.Core.Recommendations;
using static Segments.Core.Tests.Recommendations.PurchaseFixtures;

namespace Segments.Core.Tests.Recommendations;

public sealed class RecommenderTests
{
    private static readonly RecommendationOptions Three = new() { Top = 3 };

    private static InteractionMatrix Matrix(IEnumerable<Segments.Core.Transactions.TransactionLine> lines, RecommendationOptions? options = null)
    {
        var builder = new InteractionMatrixBuilder(options ?? Three);
        foreach (var line in lines)
        {
            builder.Add(line);
        }

        return builder.Build();
    }

    private static CustomerHistory Of(InteractionMatrix matrix, string id) => matrix.Customers.Single(c => c.CustomerId == id);

    [Fact]
    public void Cosine_ranks_the_most_similar_products_not_yet_bought_then_fills_with_best_sellers()
    {
        var matrix = Matrix(Training());
        var recommender = new Recommender(matrix, ItemCosineModel.Fit(matrix, 10), RecommendationModelKind.ItemCosine, Three);

        var result = recommender.Recommend("E", Of(matrix, "E"));

        Assert.Equal(["p3", "p2", "p4"], result.Items.Select(i => i.Product));
        Assert.Equal([0.707107, 0.57735, 0], result.Items.Select(i => i.Score));
        Assert.Equal("often bought with p1, which you bought on 2011-08-20", result.Items[0].Reason);
        Assert.Equal("one of the store's best sellers (bought by 1 of 5 customers)", result.Items[2].Reason);
        Assert.False(result.Fallback);
    }

    [Fact]
    public void Cosine_sums_the_similarities_of_everything_the_customer_bought()
    {
        var matrix = Matrix(Training());
        var recommender = new Recommender(matrix, ItemCosineModel.Fit(matrix, 10), RecommendationModelKind.ItemCosine, Three);

        var result = recommender.Recommend("A", Of(matrix, "A"));

        // p3: 0.7071 (via p1) + 0.4082 (via p2); p4: 0.5774 via p2 only.
        Assert.Equal(["p3", "p4"], result.Items.Select(i => i.Product));
        Assert.Equal([1.115355, 0.57735], result.Items.Select(i => i.Score));
        Assert.StartsWith("often bought with p2,", result.Items[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Popularity_ranks_by_buyers_and_leaves_out_what_the_customer_bought()
    {
        var matrix = Matrix(Training());
        var recommender = new Recommender(matrix, null, RecommendationModelKind.Popularity, Three);

        var result = recommender.Recommend("E", Of(matrix, "E"));

        Assert.Equal(["p2", "p3", "p4"], result.Items.Select(i => i.Product));
        Assert.Equal([0.6, 0.4, 0.2], result.Items.Select(i => i.Score));
    }

    [Fact]
    public void Ease_of_two_products_matches_the_closed_form()
    {
        // G = [[3, 1], [1, 1]] (p1 bought by 3, p2 by 1, together once); λ = 1: B12 = c / (a + λ) = 1/4, B21 = c / (b + λ) = 1/2.
        var matrix = Matrix([Line("X", "p1"), Line("X", "p2"), Line("Y", "p1"), Line("Z", "p1")]);

        var ease = EaseModel.Fit(matrix, 1, 10);

        Assert.Equal(0.25f, ease.Weight(0, 1), 6);
        Assert.Equal(0.5f, ease.Weight(1, 0), 6);
        Assert.Equal(0f, ease.Weight(0, 0));
    }

    [Fact]
    public void Ease_recommends_what_is_bought_with_the_customers_products()
    {
        var matrix = Matrix(Training());
        var ease = EaseModel.Fit(matrix, 1, 10);
        var recommender = new Recommender(matrix, ease, RecommendationModelKind.Ease, Three);

        var result = recommender.Recommend("D", Of(matrix, "D"));

        Assert.Equal("p1", result.Items[0].Product);
        Assert.All(result.Items, i => Assert.True(double.IsFinite(i.Score)));
        Assert.DoesNotContain(result.Items, i => i.Product is "p2" or "p4");
    }

    [Fact]
    public void Cancellations_returns_and_lines_without_a_code_are_never_a_reason_nor_a_recommendation()
    {
        var lines = Training();
        lines.Add(Line("A", "p9", cancellation: true));
        lines.Add(Line("B", "p9", amount: -5m));
        lines.Add(Line("C", string.Empty));
        lines.Add(Line("C", "POST"));
        var matrix = Matrix(lines);

        Assert.Equal(["p1", "p2", "p3", "p4"], matrix.Products);
        Assert.Equal(["p1", "p3"], Of(matrix, "C").Products.Select(p => matrix.Products[p]));
    }

    [Fact]
    public void A_purchase_cancelled_or_returned_in_full_counts_as_not_bought()
    {
        var lines = Training();
        lines.Add(Line("A", "p2", amount: -10m, cancellation: true));
        lines.Add(Line("B", "p3", amount: -4m));
        var matrix = Matrix(lines);

        Assert.Equal(["p1"], Of(matrix, "A").Products.Select(p => matrix.Products[p]));
        Assert.Equal(["p1", "p2", "p3"], Of(matrix, "B").Products.Select(p => matrix.Products[p]));
        Assert.Equal(2, matrix.Buyers[matrix.ProductIndex["p2"]]);
    }

    [Fact]
    public void A_customer_without_history_gets_the_best_sellers_and_is_told_so()
    {
        var matrix = Matrix(Training());
        var recommender = new Recommender(matrix, ItemCosineModel.Fit(matrix, 10), RecommendationModelKind.ItemCosine, Three);

        var result = recommender.Recommend("new", null);

        Assert.True(result.Fallback);
        Assert.Equal(["p1", "p2", "p3"], result.Items.Select(i => i.Product));
        Assert.Equal("one of the store's best sellers (bought by 4 of 5 customers); no purchase history to go on", result.Items[0].Reason);
    }

    [Fact]
    public void A_one_product_catalog_recommends_it_to_newcomers_and_nothing_to_its_buyers()
    {
        var matrix = Matrix([Line("X", "only"), Line("Y", "only")]);
        var ease = EaseModel.Fit(matrix, 10, 10);
        var recommender = new Recommender(matrix, ease, RecommendationModelKind.Ease, Three);

        Assert.Empty(recommender.Recommend("X", Of(matrix, "X")).Items);
        Assert.Equal(["only"], recommender.Recommend("new", null).Items.Select(i => i.Product));
        Assert.Empty(new Recommender(matrix, ItemCosineModel.Fit(matrix, 10), RecommendationModelKind.ItemCosine, Three).Recommend("X", Of(matrix, "X")).Items);
    }

    [Fact]
    public void Repeat_purchases_are_recommended_only_for_the_products_the_setting_names()
    {
        var options = Three with { RepeatPurchaseProducts = new HashSet<string>(StringComparer.Ordinal) { "p1" } };
        var matrix = Matrix(Training(), options);
        var recommender = new Recommender(matrix, null, RecommendationModelKind.Popularity, options);

        var result = recommender.Recommend("A", Of(matrix, "A"));

        Assert.Equal(["p1", "p3", "p4"], result.Items.Select(i => i.Product));
    }

    [Fact]
    public void Viewed_and_added_products_are_weaker_signals_than_purchases()
    {
        var builder = new InteractionMatrixBuilder(Three);
        builder.Add(Line("A", "p1"));
        builder.Add(new Segments.Core.Events.ResolvedEvent("A", Event(Segments.Core.Events.EventKind.ProductViewed, "p2")));
        builder.Add(new Segments.Core.Events.ResolvedEvent("A", Event(Segments.Core.Events.EventKind.ProductAdded, "p3")));
        builder.Add(new Segments.Core.Events.ResolvedEvent("A", Event(Segments.Core.Events.EventKind.ProductViewed, "p1")));
        builder.Add(new Segments.Core.Events.ResolvedEvent(null, Event(Segments.Core.Events.EventKind.ProductAdded, "p4")));

        var a = Assert.Single(builder.Build().Customers);

        Assert.Equal([1f, 0.25f, 0.5f], a.Weights);
        Assert.Equal([SignalKind.Purchased, SignalKind.Viewed, SignalKind.Added], a.Kinds);
    }

    private static Segments.Core.Events.BehaviourEvent Event(Segments.Core.Events.EventKind kind, string product) =>
        new("m-" + product + kind, "A", null, kind, new DateTimeOffset(2011, 8, 3, 12, 0, 0, TimeSpan.Zero), [product], null, 1, null, kind.ToString(), null);
}
