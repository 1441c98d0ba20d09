using Segments.Core.Segmentation;
using Segments.Pipeline.Queries;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Tests.Queries;

/// <summary>The <c>predictive:</c> family: listed from the run, resolved by id, holding the right rows, explained.</summary>
public sealed class PredictiveSegmentTests
{
    private static readonly RunRecord Run = new()
    {
        RunId = "r1",
        AsOf = new DateOnly(2011, 12, 10),
        Status = RunStatus.Succeeded,
        Trigger = "http",
        RequestedAt = DateTimeOffset.UnixEpoch,
        Segments = [new SegmentSize("Champions", 1)],
        Predictions = new PredictionSummary("bgnbd", "chosen", 13, [], null, null, 0.01)
        {
            Churn = new ChurnSettings(90, 0.5, 0.8),
            Segments = PredictiveSegments.Names.Select((n, i) => new Core.Rfm.SegmentCount(n, i + 1)).ToList(),
        },
    };

    private static readonly CustomerSegmentRow Row = new("c1", 200, 1, 10m, 1, 1, 1, "111", "Lost", "UK")
    {
        Prediction = new CustomerPrediction(0.4, 0.01, 0.02, 0.1, 10, 5)
        {
            ChurnProbability = 0.93,
            ChurnRiskBand = "high",
            HistoricClv = 10,
            TotalClv = 15,
            SpendTier = "low",
        },
    };

    [Fact]
    public void The_family_is_listed_after_the_others_with_its_sizes()
    {
        var predictive = SegmentRef.InRun(Run).Where(s => s.Kind == SegmentKind.Predictive).ToList();

        Assert.Equal(PredictiveSegments.Names.Select(n => "predictive:" + n), predictive.Select(s => s.Id));
        Assert.Equal(1, SegmentFamily.SizeIn(predictive[0], Run));
    }

    [Fact]
    public void A_qualified_id_resolves_and_holds_the_rows_of_its_band()
    {
        var segment = SegmentRef.Resolve("predictive:high churn risk", Run).Segment!;

        Assert.Equal("predictive:High churn risk", segment.Id);
        Assert.True(segment.Contains(Row));
        Assert.False(new SegmentRef(SegmentKind.Predictive, "Low churn risk").Contains(Row));
    }

    [Fact]
    public void Memberships_explain_the_band_with_the_threshold_and_the_tier_with_the_clv()
    {
        var memberships = MembershipExplainer.Explain(Row, Run).Where(m => m.Segment.StartsWith("predictive:", StringComparison.Ordinal)).ToList();

        Assert.Equal(["predictive:High churn risk", "predictive:Low value"], memberships.Select(m => m.Segment));
        Assert.Contains("93% chance of no purchase in the next 90 days, at or above the high threshold 0.8", memberships[0].Explanation[0], StringComparison.Ordinal);
        Assert.Contains("total CLV 15.00 (historic 10.00 + predicted 12 months 5.00)", memberships[1].Explanation[0], StringComparison.Ordinal);
    }
}
