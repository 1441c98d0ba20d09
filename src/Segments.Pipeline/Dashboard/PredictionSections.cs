using System.Globalization;
using System.Text;

namespace Segments.Pipeline.Dashboard;

/// <summary>The dashboard's prediction sections: accuracy (tracking plot, calibration chart) and cohort retention.</summary>
internal static class PredictionSections
{
    public static void Append(StringBuilder html, PredictionPanel? panel)
    {
        if (panel is null)
        {
            return;
        }

        html.Append("<section id=\"prediction-accuracy\"><h2>How accurate the predictions are</h2>");
        if (panel.Accuracy is { } a)
        {
            html.Append(CultureInfo.InvariantCulture,
                    $"<p>The {Markup.Text(a.Model)} model, fitted on purchases up to {a.CalibrationEnd:yyyy-MM-dd}, against what {Markup.Count(a.Customers)} customers then did until {a.HoldoutEnd:yyyy-MM-dd} ({a.HoldoutWeeks:0.#} weeks).</p>")
                .Append("<ul class=\"stats\">")
                .Append(CultureInfo.InvariantCulture, $"<li><b id=\"holdout-predicted\">{a.PredictedPurchases:N0}</b><span>repeat purchases predicted</span></li>")
                .Append(CultureInfo.InvariantCulture, $"<li><b id=\"holdout-actual\">{a.ActualPurchases:N0}</b><span>repeat purchases made</span></li>")
                .Append(CultureInfo.InvariantCulture, $"<li><b>{a.RootMeanSquaredError:0.###}</b><span>RMSE per customer</span></li>")
                .Append(a.BrierScore is { } brier ? string.Create(CultureInfo.InvariantCulture, $"<li><b id=\"brier\">{brier:0.###}</b><span>Brier score of churn</span></li>") : string.Empty)
                .Append("</ul><div class=\"pair\">");
            if (a.Tracking.Count > 0)
            {
                html.Append("<div><h3>Cumulative repeat purchases</h3>").Append(TrackingChartSvg.Render(a.Tracking)).Append("</div>");
            }

            if (a.ChurnCalibration.Count > 0)
            {
                html.Append("<div><h3>Churn calibration</h3>").Append(CalibrationChartSvg.Render(a.ChurnCalibration)).Append("</div>");
            }

            html.Append("</div>");
        }
        else
        {
            html.Append("<p class=\"empty\">This run made no holdout check (no model could be compared on the held-out days).</p>");
        }

        html.Append("</section><section id=\"cohort-retention\"><h2>Retention by cohort</h2>");
        html.Append(panel.Cohorts is { Cells.Count: > 0 } cohorts
            ? "<p>Share of each month's new customers (first order that month) who ordered again n months later.</p>" + CohortHeatmapSvg.Render(cohorts)
            : "<p class=\"empty\">No cohort table in this run.</p>");
        html.Append("</section>");
    }
}
