using Segments.Core.Scale;

namespace Segments.Core.Tests.Scale;

public class PopulationSummaryTests(GeneratedExportFixture export) : IClassFixture<GeneratedExportFixture>
{
    [Fact]
    public void A_summary_round_trips_its_binary_format()
    {
        // Arrange
        var summary = BucketedRun.Summarise(BucketedRun.Split(export.Lines, 7), export.AsOf);
        var bytes = PopulationSummaryFormat.ToBytes(summary);

        // Act
        var read = PopulationSummaryFormat.FromBytes(bytes, "merged.bin");

        // Assert: the same bytes again, and a worker fitting what it read holds the same model, bit for bit.
        Assert.Equal(bytes, PopulationSummaryFormat.ToBytes(read));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], read.Buckets);
        Assert.Equal(summary.Customers, read.Customers);
        var (fromRead, fromSummary) = (BucketedScoring.Fit(read), BucketedScoring.Fit(summary));
        Assert.Equal(fromSummary.Rfm, fromRead.Rfm);
        Assert.Equal(fromSummary.Lifecycle, fromRead.Lifecycle);
        Assert.Equal(fromSummary.Predictions.PurchaseModel!.Parameters, fromRead.Predictions.PurchaseModel!.Parameters);
        Assert.Equal(fromSummary.Predictions.SpendModel!.Parameters, fromRead.Predictions.SpendModel!.Parameters);
        Assert.Equal(fromSummary.Clusters.LabelCentroids.SelectMany(c => c), fromRead.Clusters.LabelCentroids.SelectMany(c => c));
    }

    [Fact]
    public void A_summary_of_another_format_version_is_refused_with_the_source()
    {
        // Arrange
        var bytes = PopulationSummaryFormat.ToBytes(BucketedRun.Summarise(BucketedRun.Split(export.Lines, 1), export.AsOf));
        bytes[PopulationSummaryFormat.Magic.Length] = 9;

        // Act
        var error = Assert.Throws<InvalidDataException>(() => PopulationSummaryFormat.FromBytes(bytes, "state/default/summary.bin"));

        // Assert
        Assert.Equal("state/default/summary.bin: population summary format version 9; this build reads version 1. Summarise the buckets again.", error.Message);
    }

    [Fact]
    public void A_cut_short_summary_is_refused()
    {
        // Arrange
        var bytes = PopulationSummaryFormat.ToBytes(BucketedRun.Summarise(BucketedRun.Split(export.Lines, 1), export.AsOf));

        // Act
        var error = Assert.Throws<InvalidDataException>(() => PopulationSummaryFormat.FromBytes(bytes[..(bytes.Length / 2)], "b.bin"));

        // Assert
        Assert.Equal("b.bin: the population summary is cut short.", error.Message);
    }

    [Fact]
    public void Folding_bucket_summaries_into_a_running_one_equals_merging_them()
    {
        // Arrange
        var split = BucketedRun.Split(export.Lines, 7);
        var running = new PopulationSummary(export.AsOf, new Core.Segmentation.PredictionOptions().HoldoutDays);

        // Act
        foreach (var (bucket, lines) in split)
        {
            running.Add(BucketedScoring.Summarise(bucket, lines, export.AsOf));
        }

        // Assert
        Assert.Equal(PopulationSummaryFormat.ToBytes(BucketedRun.Summarise(split, export.AsOf)), PopulationSummaryFormat.ToBytes(running));
    }

    [Fact]
    public void Merging_a_bucket_twice_is_refused()
    {
        // Arrange
        var (bucket, lines) = BucketedRun.Split(export.Lines, 7)[3];
        var summary = BucketedScoring.Summarise(bucket, lines, export.AsOf);

        // Act
        var error = Assert.Throws<ArgumentException>(() => BucketedScoring.Merge([summary, BucketedScoring.Summarise(bucket, lines, export.AsOf)]));

        // Assert
        Assert.StartsWith($"Bucket {bucket} is in two summaries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Histogram_percentiles_equal_the_sorted_array_percentiles()
    {
        // Arrange: repeated values, and the same value written with different scales (2.5 and 2.50).
        var random = new Random(3);
        var values = Enumerable.Range(0, 2_001).Select(_ => Math.Round((decimal)random.Next(0, 400) / 8m, random.Next(1, 4))).ToArray();
        var histogram = new ValueHistogram();
        foreach (var value in values)
        {
            histogram.Add(value);
        }

        Array.Sort(values);

        // Act / Assert
        foreach (var p in new[] { 0m, 0.2m, 0.4m, 0.5m, 0.6m, 0.8m, 0.95m, 1m })
        {
            Assert.Equal(Core.Rfm.Percentile.Linear(values, p), histogram.Linear(p));
        }
    }
}
