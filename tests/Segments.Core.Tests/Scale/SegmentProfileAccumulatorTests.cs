using System.Text.Json;
using Segments.Core.Scale;
using Segments.Core.SegmentProfiles;
using Segments.Core.Segmentation;

namespace Segments.Core.Tests.Scale;

public class SegmentProfileAccumulatorTests(GeneratedExportFixture export) : IClassFixture<GeneratedExportFixture>
{
    [Fact]
    public void Profiles_merged_from_shuffled_buckets_equal_the_whole_population_profiles()
    {
        // Arrange: every customer in its RFM segment, stage, cluster and rule segments; demographics for two in three.
        var whole = export.Whole.Customers;
        var segments = whole.SelectMany(SegmentsOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Append("nobody").ToList();
        var expected = SegmentProfileCalculator.Profile(
            whole.Select(Profiled).ToList(),
            segments.Select(s => new SegmentMembers(s, whole.Where(c => SegmentsOf(c).Contains(s)).Select(c => c.CustomerId).ToList())).ToList(),
            whole.Select(c => (c.CustomerId, Demographics(c.CustomerId))).Where(d => d.Item2 is not null).ToDictionary(d => d.CustomerId, d => d.Item2!, StringComparer.Ordinal));
        var (_, bucketed) = BucketedRun.Score(BucketedRun.Split(export.Lines, 7), export.AsOf);

        // Act: one accumulator per bucket, merged in a shuffled order.
        var parts = bucketed.Values
            .GroupBy(c => (int)(StableHash.Of(c.CustomerId) % 7))
            .OrderBy(g => StableHash.Of(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Select(bucket =>
            {
                var accumulator = new SegmentProfileAccumulator();
                foreach (var c in bucket)
                {
                    accumulator.Add(Profiled(c), SegmentsOf(c), Demographics(c.CustomerId));
                }

                return accumulator;
            });
        var actual = SegmentProfileAccumulator.Merge(parts).Profiles(segments, withDemographics: true);

        // Assert
        Assert.True(expected.Count(p => p.CrossSell.Count > 0) > 3, "too few cross-sell candidates to compare");
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
    }

    [Fact]
    public void An_accumulator_read_back_from_its_bytes_gives_the_same_profiles_and_the_same_bytes()
    {
        // Arrange: one bucket's accumulator, with demographics for two customers in three.
        var (_, bucketed) = BucketedRun.Score(BucketedRun.Split(export.Lines, 7), export.AsOf);
        var accumulator = new SegmentProfileAccumulator();
        foreach (var c in bucketed.Values.Where(c => StableHash.Of(c.CustomerId) % 7 == 3))
        {
            accumulator.Add(Profiled(c), SegmentsOf(c), Demographics(c.CustomerId));
        }

        var segments = bucketed.Values.SelectMany(SegmentsOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        // Act
        var bytes = SegmentProfileAccumulatorFormat.ToBytes(accumulator);
        var read = SegmentProfileAccumulatorFormat.FromBytes(bytes, "bucket 3");

        // Assert
        Assert.True(accumulator.Customers > 100, $"{accumulator.Customers} customers");
        Assert.Equal(accumulator.Revenue, read.Revenue);
        Assert.Equal(JsonSerializer.Serialize(accumulator.Profiles(segments, withDemographics: true)), JsonSerializer.Serialize(read.Profiles(segments, withDemographics: true)));
        Assert.Equal(bytes, SegmentProfileAccumulatorFormat.ToBytes(read));
    }

    [Fact]
    public void Bytes_of_another_format_are_refused_with_their_source()
    {
        var error = Assert.Throws<InvalidDataException>(() => SegmentProfileAccumulatorFormat.FromBytes("SEGPOPS and more"u8.ToArray(), "runs/r1/outcome/bucket=0002"));
        Assert.Contains("runs/r1/outcome/bucket=0002 is not a segment profile accumulator", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> SegmentsOf(CustomerSegmentation c) =>
        [$"rfm:{c.Rfm.Segment}", $"lifecycle:{c.LifecycleStage}", $"cluster:{c.Cluster}", .. c.RuleSegments.Select(r => $"rule:{r}")];

    private static ProfiledCustomer Profiled(CustomerSegmentation c) =>
        new(c.CustomerId, c.Rfm.Metrics.RecencyDays, c.Rfm.Metrics.Frequency, c.Rfm.Metrics.Monetary, c.Rfm.Metrics.Country, c.LifecycleStage, c.Products.ToList());

    private static CustomerDemographics? Demographics(string customerId) => (StableHash.Of(customerId) % 3) switch
    {
        0 => null,
        1 => new CustomerDemographics("25-34", "female"),
        _ => new CustomerDemographics("35-44", null),
    };
}
