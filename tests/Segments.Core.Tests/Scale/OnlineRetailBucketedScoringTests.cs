using Segments.Core.Segmentation;
using Segments.Core.Transactions;
using Xunit.Abstractions;

namespace Segments.Core.Tests.Scale;

public class OnlineRetailBucketedScoringTests(ITestOutputHelper output)
{
    private static readonly DateOnly AsOf = new(2011, 12, 10);
    private static readonly Lazy<Task<(List<TransactionLine> Lines, SegmentationResult Whole)>> Data = new(LoadAsync);

    [OnlineRetailTheory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public async Task Every_Online_Retail_customer_gets_the_whole_population_segments(int buckets)
    {
        // Arrange
        var (lines, whole) = await Data.Value;

        // Act
        var (model, customers) = BucketedRun.Score(BucketedRun.Split(lines, buckets), AsOf);

        // Assert: 4,300-odd customers, each in the same segments; the models within 0.1%.
        Assert.True(whole.Customers.Count > 4_000, $"only {whole.Customers.Count} customers");
        Assert.Empty(WholePopulationComparison.CustomerDifferences(whole, customers));
        Assert.Equal(whole.Lifecycle.Thresholds, model.Lifecycle);
        var (parameters, spend) = (WholePopulationComparison.LargestParameterDifference(whole, model), WholePopulationComparison.LargestSpendDifference(whole, customers));
        output.WriteLine($"{buckets} buckets: {customers.Count} customers; largest parameter difference {parameters:G3}, largest spend value difference {spend:G3}");
        Assert.InRange(parameters, 0, 0.001);
        Assert.InRange(spend, 0, 0.001);
    }

    private static async Task<(List<TransactionLine>, SegmentationResult)> LoadAsync()
    {
        await using var stream = File.OpenRead(OnlineRetailTheoryAttribute.FilePath);
        var lines = await BucketedRun.ReadAsync(stream, "online_retail_2010-2011.csv");
        return (lines, BucketedRun.Whole(lines, AsOf));
    }
}
