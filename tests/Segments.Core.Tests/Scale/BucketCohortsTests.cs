using System.Text.Json;
using Segments.Core.Scale;

namespace Segments.Core.Tests.Scale;

public class BucketCohortsTests(GeneratedExportFixture export) : IClassFixture<GeneratedExportFixture>
{
    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public void Cohort_tables_added_up_from_buckets_equal_the_whole_population_table(int buckets)
    {
        // Arrange
        var split = BucketedRun.Split(export.Lines, buckets);

        // Act: the buckets in reverse order.
        var merged = BucketCohorts.Merge(Enumerable.Reverse(split).Select(b => BucketCohorts.Of(b.Lines, export.AsOf, [])).ToList());

        // Assert
        var expected = Assert.Single(export.Whole.Cohorts);
        Assert.True(expected.Cells.Count > 20, $"only {expected.Cells.Count} cohort cells");
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(Assert.Single(merged)));
    }
}
