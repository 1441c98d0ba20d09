using System.Globalization;
using System.Text;
using Segments.Core.Uplift;

namespace Segments.Pipeline.Dashboard;

/// <summary>
/// The dashboard's "Campaign uplift" section: per experiment, treatment against control between the run before the
/// active one and the active run, as <c>GET /api/experiments/{name}/results</c> answers it. Every number also sits in
/// a <c>data-</c> attribute at full precision, so the page can be checked against the API.
/// </summary>
internal static class UpliftSection
{
    public static void Append(StringBuilder html, IReadOnlyList<ExperimentUplift> uplift)
    {
        html.Append("<section id=\"campaign-uplift\"><h2>Campaign uplift</h2>");
        if (uplift.Count == 0)
        {
            html.Append("<p class=\"empty\" id=\"uplift-unavailable\">No experiment was applied (see <code>config/experiments.json</code> and <code>GET /api/segments</code> → <code>experimentErrors</code>).</p></section>");
            return;
        }

        html.Append("<p>Treatment against control among the customers in each experiment's segment in the earlier run, on what they bought until the active run; 95% intervals, two-sided p-values (conversion: two-proportion z-test; per customer: Welch's t-test).</p>");
        foreach (var experiment in uplift)
        {
            html.Append($"<div class=\"experiment\" data-experiment=\"{Markup.Text(experiment.Experiment)}\"><h3>{Markup.Text(experiment.Experiment)} · {Markup.Text(experiment.Segment)}</h3>");
            if (experiment.Results is not { } view)
            {
                html.Append($"<p class=\"empty uplift-unavailable\">{Markup.Text(experiment.Unavailable)}</p></div>");
                continue;
            }

            var r = view.Results;
            html.Append(CultureInfo.InvariantCulture, $"<p>Run <b>{Markup.Text(view.FromRun.RunId)}</b> (as of {view.FromRun.AsOf:yyyy-MM-dd}) → run <b>{Markup.Text(view.ToRun.RunId)}</b> (as of {view.ToRun.AsOf:yyyy-MM-dd}).</p>")
                .Append("<ul class=\"stats\">")
                .Append($"<li class=\"uplift-control\" data-customers=\"{r.ControlCustomers}\"><b>{Markup.Count(r.ControlCustomers)}</b><span>control customers</span></li>")
                .Append($"<li class=\"uplift-treatment\" data-customers=\"{r.TreatmentCustomers}\"><b>{Markup.Count(r.TreatmentCustomers)}</b><span>treatment customers</span></li>")
                .Append(r.IncrementalRevenue is { } gain && double.IsFinite(gain)
                    ? $"<li class=\"uplift-incremental\" data-value=\"{Raw(gain)}\"><b>{Fixed(gain, "N2")}</b><span>incremental revenue</span></li>"
                    : "<li class=\"uplift-incremental\"><b>–</b><span>incremental revenue (no revenue difference)</span></li>")
                .Append("</ul><table><thead><tr><th>Per customer</th><th class=\"num\">Control</th><th class=\"num\">Treatment</th><th class=\"num\">Difference</th><th class=\"num\">95% interval</th><th class=\"num\">p-value</th></tr></thead><tbody>");
            Row(html, "conversion", "Conversion (ordered at least once)", r.Conversion, Percent);
            Row(html, "revenue", "Revenue", r.RevenuePerCustomer, v => Fixed(v, "N2"));
            Row(html, "orders", "Orders", r.OrdersPerCustomer, v => Fixed(v, "0.000"));
            html.Append("</tbody></table></div>");
        }

        html.Append("</section>");
    }

    private static void Row(StringBuilder html, string metric, string label, Difference? difference, Func<double, string> format)
    {
        if (difference is null)
        {
            // TwoSampleTests gives no difference when a test is undefined (a group too small, nobody varies): say so, never NaN.
            html.Append($"<tr class=\"metric\" data-metric=\"{metric}\"><td>{Markup.Text(label)}</td><td class=\"num\" colspan=\"5\">not defined: a group has too few customers or nobody in it differs</td></tr>");
            return;
        }

        var d = difference;
        html.Append($"<tr class=\"metric\" data-metric=\"{metric}\" data-control=\"{Raw(d.Control)}\" data-treatment=\"{Raw(d.Treatment)}\" data-difference=\"{Raw(d.Value)}\" data-low=\"{Raw(d.Low)}\" data-high=\"{Raw(d.High)}\" data-p=\"{Raw(d.PValue)}\">")
            .Append($"<td>{Markup.Text(label)}</td><td class=\"num\">{format(d.Control)}</td><td class=\"num\">{format(d.Treatment)}</td>")
            .Append($"<td class=\"num\">{Signed(d.Value, format)}</td><td class=\"num\">{Signed(d.Low, format)} to {Signed(d.High, format)}</td>")
            .Append($"<td class=\"num\">{PValue(d.PValue)}</td></tr>");
    }

    private static string Signed(double value, Func<double, string> format) =>
        !double.IsFinite(value) ? "–" : value > 0 ? "+" + format(value) : format(value);

    private static string Percent(double share) => double.IsFinite(share) ? (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    private static string Fixed(double value, string format) => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string PValue(double p) =>
        !double.IsFinite(p) ? "–" : p < 0.0001 ? "&lt; 0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);

    // Shortest round-trip text, as the API's JSON writes a double; empty for a value that is not finite.
    private static string Raw(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
}
