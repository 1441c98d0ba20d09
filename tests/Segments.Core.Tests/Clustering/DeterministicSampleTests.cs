using Segments.Core.Clustering;

namespace Segments.Core.Tests.Clustering;

public class DeterministicSampleTests
{
    [Fact]
    public void Every_index_is_taken_when_the_sample_is_larger_than_the_data()
    {
        // Act
        var sample = DeterministicSample.Indices(5, 10, seed: 1);

        // Assert
        Assert.Equal([0, 1, 2, 3, 4], sample);
    }

    [Fact]
    public void A_sample_is_distinct_ascending_and_in_range()
    {
        // Act
        var sample = DeterministicSample.Indices(10_000, 300, seed: 1);

        // Assert
        Assert.Equal(300, sample.Count);
        Assert.Equal(300, sample.Distinct().Count());
        Assert.Equal(sample.Order(), sample);
        Assert.All(sample, i => Assert.InRange(i, 0, 9_999));
    }

    [Fact]
    public void The_same_seed_gives_the_same_sample_and_another_seed_another()
    {
        // Act
        var first = DeterministicSample.Indices(10_000, 300, seed: 1);
        var again = DeterministicSample.Indices(10_000, 300, seed: 1);
        var other = DeterministicSample.Indices(10_000, 300, seed: 2);

        // Assert
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }
}
