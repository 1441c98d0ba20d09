using Segments.Core.Btyd;
using Segments.Core.Cohorts;
using Segments.Pipeline.Dashboard;

namespace Segments.Pipeline.Tests.Dashboard;

/// <summary>The dashboard's accuracy and cohort sections: numbers, tracking plot, calibration chart, retention heatmap.</summary>
public sealed class PredictionSectionsTests
{
    private static readonly DashboardModel Empty = new(null, null, "Movement needs two runs: no run has succeeded yet.", []);

    private static readonly HoldoutAccuracy Accuracy = new(
        "bgnbd", new DateOnly(2011, 9, 10), new DateOnly(2011, 12, 9), 12.9, 3370, 3326.6, 4483, 1.529, 0.94,
        [new HoldoutDecile(1, 337, 1189.7, 1639)],
        0.218,
        [new ChurnCalibrationBin(0.1, 0.2, 178, 0.146, 0.084), new ChurnCalibrationBin(0.8, 0.9, 493, 0.827, 0.671)],
        [new TrackingPoint(1, new DateOnly(2010, 12, 7), 10, 12, false), new TrackingPoint(2, new DateOnly(2010, 12, 14), 30, 28, true)]);

    private static readonly CohortTable Cohorts = new(new DateOnly(2011, 12, 10), null,
        [new CohortCell(null, "2010-12", 0, 885, 885, 1, 572713.89m), new CohortCell(null, "2010-12", 1, 324, 885, 0.3661, 276237.69m)]);

    [Fact]
    public void The_accuracy_section_shows_the_totals_the_brier_score_and_both_charts()
    {
        var html = DashboardRenderer.Render(Empty with { Predictions = new PredictionPanel(Accuracy, Cohorts) }, null);

        Assert.Contains("<b id=\"holdout-predicted\">3,327</b>", html, StringComparison.Ordinal);
        Assert.Contains("<b id=\"holdout-actual\">4,483</b>", html, StringComparison.Ordinal);
        Assert.Contains("<b id=\"brier\">0.218</b>", html, StringComparison.Ordinal);
        Assert.Contains("<polyline class=\"actual\"", html, StringComparison.Ordinal);
        Assert.Contains("<polyline class=\"expected\"", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<circle class=\"bin\"").Length - 1);
    }

    [Fact]
    public void The_cohort_heatmap_has_a_cell_per_cohort_month_with_its_rate()
    {
        var html = DashboardRenderer.Render(Empty with { Predictions = new PredictionPanel(null, Cohorts) }, null);

        Assert.Contains("data-cohort=\"2010-12\" data-month=\"1\" data-rate=\"0.3661\"", html, StringComparison.Ordinal);
        Assert.Contains(">37%</text>", html, StringComparison.Ordinal);
        Assert.Contains("no holdout check", html, StringComparison.Ordinal);
    }
}
