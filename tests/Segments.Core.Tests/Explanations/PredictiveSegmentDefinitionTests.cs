using Segments.Core.Explanations;
using Segments.Core.Segmentation;

namespace Segments.Core.Tests.Explanations;

public sealed class PredictiveSegmentDefinitionTests
{
    private static readonly PredictionSummary Models = new("bgnbd", "chosen", 13, [], null, null, 0.01) { Churn = new ChurnSettings(60, 0.4, 0.7) };

    [Theory]
    [InlineData("High churn risk", "Churn probability (no purchase in the next 60 days) at least 0.7.")]
    [InlineData("Medium churn risk", "Churn probability (no purchase in the next 60 days) from 0.4 to below 0.7.")]
    [InlineData("Low churn risk", "Churn probability (no purchase in the next 60 days) below 0.4.")]
    [InlineData("High value", "Top 20% of customers by total CLV (historic revenue + predicted 12-month CLV).")]
    public void Definitions_carry_the_runs_horizon_and_thresholds(string segment, string definition)
    {
        Assert.Equal(definition, PredictiveSegmentDefinition.Of(segment, Models));
    }
}
