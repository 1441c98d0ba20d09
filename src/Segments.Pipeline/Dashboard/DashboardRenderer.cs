using System.Globalization;
using System.Text;

namespace Segments.Pipeline.Dashboard;

/// <summary>
/// Renders the dashboard as one self-contained HTML page: inline CSS and server-drawn SVG, nothing fetched
/// from elsewhere, so it works offline and behind strict content policies.
/// </summary>
public static class DashboardRenderer
{
    private const string Style =
        """
        :root{color-scheme:light;--ink:#1b2733;--muted:#5d6b79;--line:#dde3ea;--card:#fff;--bg:#f3f5f8;--accent:#2f6db5}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
        header{background:#17324f;color:#fff;padding:18px 32px}
        header h1{margin:0;font-size:22px;font-weight:600}
        header p{margin:4px 0 0;color:#c9d6e4}
        header a{color:#fff}
        main{padding:20px 32px 40px;display:grid;gap:20px}
        section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:18px 22px}
        h2{margin:0 0 12px;font-size:17px}
        h3{margin:0 0 6px;font-size:14px;color:var(--muted);font-weight:600}
        .families{display:grid;grid-template-columns:repeat(auto-fill,minmax(440px,1fr));gap:14px 20px}
        .row{display:flex;flex-wrap:wrap;gap:20px;align-items:stretch}
        .row>section{flex:1 1 0;min-width:0}
        #rf-heatmap{flex:0 0 auto;max-width:520px}
        .pair{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
        .empty{color:var(--muted);font-style:italic;margin:4px 0}
        .stats{display:flex;gap:14px;flex-wrap:wrap;margin:0 0 14px;padding:0;list-style:none}
        .stats li{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:130px}
        .stats b{display:block;font-size:20px}
        .stats span{color:var(--muted);font-size:12px}
        table{border-collapse:collapse;width:100%;font-size:13px}
        th,td{text-align:left;padding:5px 10px;border-bottom:1px solid var(--line)}
        th{color:var(--muted);font-weight:600}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        .status-failed{color:#b33a24;font-weight:600}
        .runs-table{max-height:420px;overflow:auto;margin-top:10px}
        ol.moves{margin:0;padding-left:22px}
        svg text{fill:var(--ink);font-size:12px}
        svg text.axis{fill:var(--muted);font-size:11.5px}
        svg text.axis-title{fill:var(--muted);font-size:12px}
        svg text.count{font-size:14px;font-weight:600}
        svg text.count.small{font-size:12px}
        svg .bars text.value{fill:var(--muted)}
        svg .bars text.reach{fill:#2d7a4b;font-size:11.5px}
        footer{color:var(--muted);font-size:12px;padding:0 32px 24px}
        """;

    /// <summary>
    /// The page for <paramref name="model"/>. <paramref name="code"/> is the function key the page was opened
    /// with (query <c>code</c>); every link carries it on, so following one needs no key typed again.
    /// </summary>
    public static string Render(DashboardModel model, string? code)
    {
        ArgumentNullException.ThrowIfNull(model);
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>Segments dashboard</title><style>").Append(Style).Append("</style></head><body>");

        html.Append("<header><h1>Segments dashboard</h1><p>");
        html.Append(model.Active is { } active
            ? $"Active run <b id=\"active-run\">{Markup.Text(active.RunId)}</b> as of {Markup.Text(Date(active.AsOf))} · {Markup.Count(active.CustomersScored)} customers scored"
            : "No run has succeeded yet.");
        html.Append($" · <a href=\"{Link("segments", code)}\">segments JSON</a> · <a href=\"{Link("runs", code)}\">runs JSON</a></p></header><main>");

        if (model.Active is null)
        {
            html.Append("<section id=\"no-run\"><h2>No run yet</h2><p class=\"empty\">Nothing has been computed: drop an export into the <code>transactions</code> container and start a recompute (<code>POST /api/runs</code> with the admin key), or wait for the schedule.</p></section>");
        }
        else
        {
            SegmentSizes(html, model.Active);
        }

        html.Append("<div class=\"row\">");
        if (model.Active is not null)
        {
            RfHeatmap(html, model.Active);
        }

        Runs(html, model.Runs);
        DeliveriesSection.Render(html, model.Deliveries);
        html.Append("</div>");
        Movement(html, model);
        PredictionSections.Append(html, model.Predictions);
        RecommendationSection.Append(html, model.Active?.Recommendations);
        if (model.Active is not null)
        {
            UpliftSection.Append(html, model.Uplift);
        }

        html.Append("</main><footer>Drawn by the server from the Runs ledger and the two newest generations; no script, no external resources.</footer></body></html>");
        return html.ToString();
    }

    private static void SegmentSizes(StringBuilder html, ActiveRunPanel active)
    {
        html.Append("<section id=\"segment-sizes\"><h2>Segment sizes</h2>");
        if (active.Families.Any(f => f.Segments.Any(s => s.ReachableByEmail is not null)))
        {
            html.Append("<p id=\"reach-note\">Next to each size: the members reachable by e-mail and by SMS, i.e. who consented to that channel in the newest customer export (no customer export, no consent).</p>");
        }

        html.Append("<div class=\"families\">");
        foreach (var family in active.Families)
        {
            html.Append($"<div class=\"family\"><h3>{Markup.Text(family.Title)}</h3>");
            html.Append(family.Segments.Count == 0
                ? $"<p class=\"empty\">No {Markup.Text(family.Title.ToLowerInvariant())} in this run.</p>"
                : BarChartSvg.Render(family));
            html.Append("</div>");
        }

        html.Append("</div></section>");
    }

    private static void RfHeatmap(StringBuilder html, ActiveRunPanel active)
    {
        html.Append("<section id=\"rf-heatmap\"><h2>Recency × frequency</h2>");
        if (active.RfGrid.Count == 0)
        {
            html.Append("<p class=\"empty\">This run was recorded before the R × F grid was kept; the next run will have it.</p></section>");
            return;
        }

        var total = active.RfGrid.Sum(row => row.Sum());
        html.Append($"<p>Customers per recency score (R, 5 = most recent) and frequency score (F, 5 = most orders): <b id=\"rf-total\">{Markup.Count(total)}</b> customers.</p>")
            .Append(HeatmapSvg.RfGrid(active.RfGrid))
            .Append("</section>");
    }

    private static void Movement(StringBuilder html, DashboardModel model)
    {
        html.Append("<section id=\"movement\"><h2>Movement between the last two runs</h2>");
        if (model.Movement is not { } movement)
        {
            html.Append($"<p class=\"empty\" id=\"movement-unavailable\">{Markup.Text(model.MovementUnavailable)}</p></section>");
            return;
        }

        html.Append($"<p>RFM segments of run <b>{Markup.Text(movement.FromRunId)}</b> (as of {Date(movement.FromAsOf)}) → run <b>{Markup.Text(movement.ToRunId)}</b> (as of {Date(movement.ToAsOf)}). Rows: segment before, columns: segment after; green cells stayed in their segment.</p>")
            .Append("<ul class=\"stats\">")
            .Append(Stat("movement-moved", movement.Moved, "changed segment"))
            .Append(Stat("movement-stayed", movement.Stayed, "stayed"))
            .Append(Stat("movement-new", movement.New, "new in the later run"))
            .Append(Stat("movement-left", movement.Left, "not in the later run"))
            .Append("</ul><div class=\"pair\">")
            .Append(HeatmapSvg.Movement(movement))
            .Append("<div><h3>Largest moves</h3>");

        var largest = movement.Transitions.Where(t => t.From != t.To).Take(12).ToList();
        if (largest.Count == 0)
        {
            html.Append("<p class=\"empty\">Nobody changed segment.</p>");
        }
        else
        {
            html.Append("<ol class=\"moves\">");
            foreach (var move in largest)
            {
                html.Append($"<li>{Markup.Text(move.From ?? "New customers")} → {Markup.Text(move.To ?? "not in later run")}: <b>{Markup.Count(move.Customers)}</b></li>");
            }

            html.Append("</ol>");
        }

        html.Append("</div></div></section>");
    }

    private static void Runs(StringBuilder html, IReadOnlyList<RunPoint> runs)
    {
        html.Append("<section id=\"runs\"><h2>Runs: duration and cost</h2>");
        if (runs.Count == 0)
        {
            html.Append("<p class=\"empty\">No run yet.</p></section>");
            return;
        }

        html.Append("<div class=\"pair\"><div><h3>Duration (start to finish)</h3>")
            .Append(ColumnChartSvg.Render("Run duration", runs, r => r.DurationMs, ms => Markup.Seconds((long)ms)))
            .Append("</div><div><h3>Cost (USD)</h3>")
            .Append(ColumnChartSvg.Render("Run cost in USD", runs, r => r.CostUsd, Markup.Usd))
            .Append("</div></div>");

        html.Append("<div class=\"runs-table\"><table><thead><tr><th>Run</th><th>As of</th><th>Status</th><th class=\"num\">Customers</th><th class=\"num\">Duration</th><th class=\"num\">Cost</th></tr></thead><tbody>");
        foreach (var run in runs.Reverse())
        {
            var cost = run.CostUsd is { } usd ? $"<td class=\"num cost\" data-cost-usd=\"{Markup.Raw(usd)}\">{Markup.Usd(usd)}</td>" : "<td class=\"num\">–</td>";
            html.Append($"<tr class=\"run\" data-run=\"{Markup.Text(run.RunId)}\"><td>{Markup.Text(run.RunId)}</td><td>{Date(run.AsOf)}</td>")
                .Append($"<td class=\"status-{Markup.Text(run.Status)}\">{Markup.Text(run.Status)}</td><td class=\"num\">{Markup.Count(run.CustomersScored)}</td>")
                .Append($"<td class=\"num\">{(run.DurationMs is { } ms ? Markup.Seconds(ms) : "–")}</td>").Append(cost).Append("</tr>");
        }

        html.Append("</tbody></table></div></section>");
    }

    private static string Stat(string id, int value, string what) =>
        $"<li id=\"{id}\" data-customers=\"{value}\"><b>{Markup.Count(value)}</b><span>{Markup.Text(what)}</span></li>";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Link(string route, string? code) =>
        Markup.Text(string.IsNullOrEmpty(code) ? $"/api/{route}" : $"/api/{route}?code={Uri.EscapeDataString(code)}");
}
