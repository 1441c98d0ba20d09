using Segments.Core.Scale;

namespace Segments.Core.Tests.Scale;

public class BucketedScoringTests(GeneratedExportFixture export) : IClassFixture<GeneratedExportFixture>
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public void Every_customer_gets_the_whole_population_segments_scores_and_predictions(int buckets)
    {
        // Arrange
        var split = BucketedRun.Split(export.Lines, buckets);

        // Act
        var (_, customers) = BucketedRun.Score(split, export.AsOf);

        // Assert: same customers, same RFM scores and segment, stage, cluster, rule segments, predictions and tier.
        Assert.True(export.Whole.Customers.Count > 1_000, $"only {export.Whole.Customers.Count} customers generated");
        Assert.Empty(WholePopulationComparison.CustomerDifferences(export.Whole, customers));
        Assert.InRange(WholePopulationComparison.LargestSpendDifference(export.Whole, customers), 0, 0.001);
    }

    [Fact]
    public void Population_cuts_thresholds_and_clusters_equal_the_whole_run()
    {
        // Arrange
        var split = BucketedRun.Split(export.Lines, 7);

        // Act
        var (model, _) = BucketedRun.Score(split, export.AsOf);

        // Assert
        var whole = export.Whole;
        Assert.Equal((whole.Rfm.Recency, whole.Rfm.Frequency, whole.Rfm.Monetary), (model.Rfm.Recency, model.Rfm.Frequency, model.Rfm.Monetary));
        Assert.Equal(whole.Lifecycle.Thresholds, model.Lifecycle);
        Assert.Equal(whole.Clusters.K, model.Clusters.K);
        Assert.Equal(whole.Clusters.Clusters.Select(c => (c.Cluster, c.Size, c.RecencyDays, c.Frequency, c.Monetary)), model.Clusters.Clusters.Select(c => (c.Cluster, c.Size, c.RecencyDays, c.Frequency, c.Monetary)));
        Assert.Equal(whole.Clusters.LabelCentroids.SelectMany(c => c), model.Clusters.LabelCentroids.SelectMany(c => c));
    }

    [Fact]
    public void Model_parameters_are_within_a_tenth_of_a_percent_of_the_whole_run()
    {
        // Arrange
        var split = BucketedRun.Split(export.Lines, 64);

        // Act
        var (model, _) = BucketedRun.Score(split, export.AsOf);

        // Assert: the purchase model is fitted on the same grouped likelihood, the spend model on (x, z̄) groups.
        Assert.InRange(WholePopulationComparison.LargestParameterDifference(export.Whole, model), 0, 0.001);
        Assert.Equal(export.Whole.Predictions!.HoldoutWeeks, model.Predictions.HoldoutWeeks);
        Assert.Equal(
            export.Whole.Predictions.Candidates.Select(c => (c.Model, c.Converged, c.HoldoutActualPurchases)),
            model.Predictions.Candidates.Select(c => (c.Model, c.Converged, c.HoldoutActualPurchases)));
    }

    [Fact]
    public void The_holdout_check_equals_the_whole_run()
    {
        // Arrange
        var split = BucketedRun.Split(export.Lines, 7);

        // Act
        var (model, _) = BucketedRun.Score(split, export.AsOf);

        // Assert: the same customers and counts; sums over groups equal the sums over customers up to rounding.
        var expected = export.Whole.Predictions!.Accuracy!;
        var actual = model.Predictions.Accuracy!;
        Assert.Equal((expected.Model, expected.CalibrationEnd, expected.HoldoutEnd, expected.HoldoutWeeks, expected.Customers, expected.ActualPurchases), (actual.Model, actual.CalibrationEnd, actual.HoldoutEnd, actual.HoldoutWeeks, actual.Customers, actual.ActualPurchases));
        Assert.Equal(expected.PredictedPurchases, actual.PredictedPurchases, 1e-6);
        Assert.Equal(expected.RootMeanSquaredError, actual.RootMeanSquaredError, 1e-9);
        Assert.Equal(expected.MeanAbsoluteError, actual.MeanAbsoluteError, 1e-9);
        Assert.Equal(expected.BrierScore!.Value, actual.BrierScore!.Value, 1e-9);
        Assert.Equal(expected.ChurnCalibration.Select(b => (b.From, b.Customers)), actual.ChurnCalibration.Select(b => (b.From, b.Customers)));
        Assert.Equal(expected.Deciles.Select(d => d.Customers), actual.Deciles.Select(d => d.Customers));
        Assert.Equal(expected.Deciles.Select(d => Math.Round(d.PredictedPurchases, 6)), actual.Deciles.Select(d => Math.Round(d.PredictedPurchases, 6)));
        Assert.Equal(expected.Deciles.Sum(d => d.ActualPurchases), actual.Deciles.Sum(d => d.ActualPurchases));
        Assert.Equal(expected.Tracking.Select(t => (t.Week, t.Date, t.Actual, t.Holdout)), actual.Tracking.Select(t => (t.Week, t.Date, t.Actual, t.Holdout)));
        Assert.Equal(expected.Tracking.Select(t => Math.Round(t.Expected, 6)), actual.Tracking.Select(t => Math.Round(t.Expected, 6)));
    }

    [Fact]
    public void The_merged_summary_is_the_same_for_any_split_and_any_bucket_order()
    {
        // Arrange
        var one = BucketedRun.Split(export.Lines, 1);
        var seven = BucketedRun.Split(export.Lines, 7);
        var sixtyFour = BucketedRun.Split(export.Lines, 64);
        var shuffled = sixtyFour.OrderBy(b => StableHash.Of(b.Bucket.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.NotEqual(sixtyFour.Select(b => b.Bucket), shuffled.Select(b => b.Bucket));

        // Act
        var summaries = new[] { one, seven, sixtyFour, shuffled }.Select(split => BucketedRun.Summarise(split, export.AsOf)).ToList();

        // Assert: the same buckets in another order give the same bytes; other splits differ only in the bucket list.
        Assert.Equal(PopulationSummaryFormat.ToBytes(summaries[2]), PopulationSummaryFormat.ToBytes(summaries[3]));
        var withoutBuckets = summaries.Select(Comparable).ToList();
        Assert.All(withoutBuckets, b => Assert.Equal(withoutBuckets[0], b));
    }

    private static string Comparable(PopulationSummary summary)
    {
        summary.Buckets.Clear();
        return Convert.ToBase64String(PopulationSummaryFormat.ToBytes(summary));
    }
}
