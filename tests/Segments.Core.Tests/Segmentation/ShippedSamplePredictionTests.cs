using Segments.Core.Btyd;

namespace Segments.Core.Tests.Segmentation;

/// <summary>The shipped sample's maximum likelihood is at the dropout edge; it still gets predictions, and the run says how.</summary>
public sealed class ShippedSamplePredictionTests
{
    [Fact]
    public async Task Every_customer_of_the_shipped_sample_gets_a_prediction_from_the_nested_model()
    {
        var result = await ShippedSample.ComputeAsync();

        var models = result.Predictions!;
        Assert.Equal("nbd", models.ChosenModel);
        Assert.Equal(EstimationMethod.NestedModel, models.PurchaseModel!.Estimation);
        Assert.Contains("a ran off towards 0", models.PurchaseModel.Fallback, StringComparison.Ordinal);
        Assert.All(result.Customers, c => Assert.NotNull(c.Prediction));
        Assert.All(result.Customers, c => Assert.True(double.IsFinite(c.Prediction!.ExpectedPurchases90)));
    }
}
