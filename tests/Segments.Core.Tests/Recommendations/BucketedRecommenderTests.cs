using Segments.Core.Events;
using Segments.Core.Ingest;
using Segments.Core.Recommendations;
using Segments.Core.Tests.Scale;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Recommendations;

public class BucketedRecommenderTests(GeneratedExportFixture export) : IClassFixture<GeneratedExportFixture>
{
    private static readonly DateOnly SampleAsOf = new(2011, 12, 10);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public async Task Bucketed_recommendations_equal_the_engine_on_the_sample_with_its_events(int buckets)
    {
        // Arrange: the shipped orders and behaviour events, as scripts/run-local.sh runs them.
        var (lines, events) = await SampleAsync();
        var options = new RecommendationOptions();
        var whole = RecommendationEngine.Run(lines, events, SampleAsOf, lines.Select(l => l.CustomerId).Where(id => id.Length > 0).Distinct(), options);

        // Act
        var bucketed = BucketedRecommendations.Run(BucketedRecommendations.Split(lines, events, buckets), SampleAsOf, options);

        // Assert
        Assert.True(whole.Customers.Count > 100, $"only {whole.Customers.Count} customers in the sample");
        Assert.NotEmpty(events);
        BucketedRecommendations.AssertSameAs(whole, bucketed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public void Bucketed_recommendations_equal_the_engine_on_a_generated_export(int buckets)
    {
        // Arrange
        var options = new RecommendationOptions();
        var whole = RecommendationEngine.Run(export.Lines, [], export.AsOf, export.Lines.Select(l => l.CustomerId).Distinct(), options);

        // Act
        var bucketed = BucketedRecommendations.Run(BucketedRecommendations.Split(export.Lines, [], buckets), export.AsOf, options);

        // Assert
        Assert.True(whole.Customers.Count > 1_000, $"only {whole.Customers.Count} customers generated");
        BucketedRecommendations.AssertSameAs(whole, bucketed);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(64)]
    public async Task Bucketed_recommendations_equal_the_engine_with_views_and_adds_to_basket(int buckets)
    {
        // Arrange: the shipped sample's orders (EASE is served on them; popularity is on the generated export), with
        // every 7th line a view of a product another customer bought (a line 5,000 further on), with every 11th an add
        // to basket, a few of them anonymous: weaker signals that change lists.
        var (lines, _) = await SampleAsync();
        var events = new List<ResolvedEvent>();
        for (var i = 0; i + 5_000 < lines.Count; i++)
        {
            var kind = i % 11 == 0 ? EventKind.ProductAdded : i % 7 == 0 ? EventKind.ProductViewed : (EventKind?)null;
            if (kind is { } k)
            {
                var at = new DateTimeOffset(lines[i].OrderDate.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
                var happened = new BehaviourEvent(null, lines[i].CustomerId, null, k, at, [lines[i + 5_000].Product], null, 1, null, k.ToString(), null);
                events.Add(new ResolvedEvent(i % 13 == 0 ? null : lines[i].CustomerId, happened));
            }
        }

        var asOf = SampleAsOf;
        var options = new RecommendationOptions();
        var customers = lines.Select(l => l.CustomerId).Distinct().ToList();
        var whole = RecommendationEngine.Run(lines, events, asOf, customers, options);
        var withoutEvents = RecommendationEngine.Run(lines, [], asOf, customers, options);

        // Act
        var bucketed = BucketedRecommendations.Run(BucketedRecommendations.Split(lines, events, buckets), asOf, options);

        // Assert: the events changed lists, and the buckets give the engine's.
        Assert.NotEqual(RecommendationModelKind.Popularity, whole.Served);
        Assert.True(
            whole.Customers.Zip(withoutEvents.Customers).Count(p => !p.First.Items.Select(i => i.Product).SequenceEqual(p.Second.Items.Select(i => i.Product))) > 10,
            "the events change too few lists to check them");
        BucketedRecommendations.AssertSameAs(whole, bucketed);
    }

    [Theory]
    [InlineData(RecommendationModelKind.ItemCosine)]
    [InlineData(RecommendationModelKind.Popularity)]
    public void Every_model_served_from_merged_statistics_ranks_as_the_engine_fits_it(RecommendationModelKind chosen)
    {
        // Arrange: EASE wins on the generated data; forcing the others checks their fits from the statistics too.
        var options = new RecommendationOptions { MaxDenseProducts = chosen == RecommendationModelKind.ItemCosine ? 0 : 1000 };
        var split = BucketedRecommendations.Split(export.Lines, [], 7);
        var merged = new RecommendationStatistics(export.AsOf, options);
        foreach (var (lines, events) in split)
        {
            BucketedRecommender.Summarise(merged, lines, events);
        }

        var candidates = BucketedRecommender.FitCandidates(merged, options);
        var evaluation = BucketedRecommender.Choose(candidates, split.Select(b => BucketedRecommender.Evaluate(candidates, b.Lines, b.Events, options)).ToList(), options) with { Chosen = chosen, Lambda = null };
        var whole = new InteractionMatrixBuilder(options);
        foreach (var line in export.Lines)
        {
            whole.Add(line);
        }

        var matrix = whole.Build();
        var expected = new Recommender(matrix, chosen == RecommendationModelKind.Popularity ? null : ItemCosineModel.Fit(matrix, options.NeighboursPerProduct), chosen, options);

        // Act
        var served = BucketedRecommender.Fit(merged, evaluation, options);
        var customers = split.SelectMany(b => BucketedRecommender.Recommend(served, b.Lines, b.Events, [], options)).ToDictionary(c => c.CustomerId, StringComparer.Ordinal);

        // Assert
        Assert.Equal(chosen, served.Kind);
        Assert.Equal(matrix.Customers.Count, customers.Count);
        foreach (var history in matrix.Customers)
        {
            var want = expected.Recommend(history.CustomerId, history);
            Assert.Equal(want.Items.Select(i => (i.Product, i.Score, i.Reason)), customers[history.CustomerId].Items.Select(i => (i.Product, i.Score, i.Reason)));
        }
    }

    [Fact]
    public void Statistics_added_bucket_by_bucket_equal_the_whole_populations()
    {
        // Arrange
        var options = new RecommendationOptions();
        var whole = new RecommendationStatistics(export.AsOf, options);
        whole.Add(export.Lines, []);
        var inBuckets = new RecommendationStatistics(export.AsOf, options);

        // Act
        foreach (var (lines, events) in BucketedRecommendations.Split(export.Lines, [], 7))
        {
            inBuckets.Add(lines, events);
        }

        // Assert: exact — the default weights make every sum exact whatever the order.
        foreach (var (expected, actual) in new[] { (whole.TakeTraining(), inBuckets.TakeTraining()), (whole.TakeFull(), inBuckets.TakeFull()) })
        {
            Assert.True(expected.Products.Count > 1_000, $"only {expected.Products.Count} products");
            Assert.Equal(expected.Products, actual.Products);
            Assert.Equal(expected.Buyers, actual.Buyers);
            Assert.Equal((expected.BuyingCustomers, expected.Customers), (actual.BuyingCustomers, actual.Customers));
            Assert.Equal(expected.Norms, actual.Norms);
            var pairs = 0;
            for (var i = 0; i < expected.Products.Count; i++)
            {
                for (var j = i + 1; j < expected.Products.Count; j++)
                {
                    Assert.Equal(expected.Pair(i, j), actual.Pair(i, j));
                    Assert.Equal(actual.Pair(i, j), actual.Pair(j, i));
                    pairs += expected.Pair(i, j) > 0 ? 1 : 0;
                }
            }

            Assert.True(pairs > 10_000, $"only {pairs} pairs co-occur");
        }
    }

    [Fact]
    public void Pair_sums_hold_at_most_a_sixteenth_more_products_than_the_catalogue()
    {
        // Arrange
        var statistics = new RecommendationStatistics(export.AsOf, new RecommendationOptions());

        // Act
        foreach (var (lines, events) in BucketedRecommendations.Split(export.Lines, [], 7))
        {
            statistics.Add(lines, events);
        }

        // Assert: the triangle is sized for the catalogue seen plus a sixteenth, not half as many again.
        var bytes = statistics.FullPairBytes;
        var full = statistics.TakeFull();
        var products = full.Products.Count;
        var room = products + (products / 16);
        Assert.True(products > 1_000, $"only {products} products");
        Assert.Equal(bytes, full.Bytes);
        Assert.Equal(0, statistics.FullPairBytes);
        Assert.InRange(full.Bytes, (long)products * (products + 1) / 2 * sizeof(double), (long)room * (room + 1) / 2 * sizeof(double));
    }

    [Fact]
    public void Each_sides_statistics_are_taken_once_and_no_bucket_is_added_after()
    {
        // Arrange
        var statistics = new RecommendationStatistics(export.AsOf, new RecommendationOptions());
        statistics.Add(export.Lines, []);

        // Act
        var training = statistics.TakeTraining();

        // Assert
        Assert.True(training.Products.Count > 1_000, $"only {training.Products.Count} products");
        Assert.Throws<InvalidOperationException>(() => statistics.TakeTraining());
        Assert.Throws<InvalidOperationException>(() => statistics.Add(export.Lines, []));
        Assert.Superset(training.Products.ToHashSet(), statistics.TakeFull().Products.ToHashSet());
        Assert.Throws<InvalidOperationException>(() => statistics.TakeFull());
    }

    [Fact]
    public void Segment_tallies_of_buckets_merge_into_the_whole_segments_top_products()
    {
        // Arrange
        var options = new RecommendationOptions();
        var lists = RecommendationEngine.Run(export.Lines, [], export.AsOf, [], options).Customers;
        var members = lists.Where((_, i) => i % 3 == 0).ToList();

        // Act
        var merged = new SegmentRecommendationTally();
        foreach (var bucket in members.GroupBy(m => m.CustomerId.Length % 5))
        {
            var tally = new SegmentRecommendationTally();
            foreach (var member in bucket)
            {
                tally.Add(member);
            }

            merged.Add(tally);
        }

        // Assert
        Assert.Equal(SegmentRecommendationCalculator.For(members, options.Top), merged.Top(options.Top));
        Assert.Equal(members.Count, merged.Size);
    }

    private static async Task<(List<TransactionLine> Lines, List<ResolvedEvent> Events)> SampleAsync()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "samples", "online-retail-sample.csv")))
        {
            root = Path.GetDirectoryName(root) ?? throw new FileNotFoundException("samples/online-retail-sample.csv not found above " + AppContext.BaseDirectory);
        }

        await using var stream = File.OpenRead(Path.Combine(root, "samples", "online-retail-sample.csv"));
        var lines = await Scale.BucketedRun.ReadAsync(stream, "online-retail-sample.csv");
        using var text = new StreamReader(Path.Combine(root, "samples", "events-sample.jsonl"));
        var file = await new EventLinesReader(ExportContext.Default.Customers, new EventReadOptions { Now = new DateTimeOffset(2011, 12, 10, 0, 0, 0, TimeSpan.Zero) }).ReadAllAsync(text);
        return (lines, EventIdentityResolver.Resolve(file.Events, SampleAsOf).ToList());
    }
}
