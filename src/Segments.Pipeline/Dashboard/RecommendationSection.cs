using System.Globalization;
using System.Text;
using Segments.Storage.Recommendations;

namespace Segments.Pipeline.Dashboard;

/// <summary>The dashboard's recommendations section: how each model did on the run's holdout, against popularity.</summary>
internal static class RecommendationSection
{
    public static void Append(StringBuilder html, RecommendationRunSummary? summary)
    {
        if (summary is null)
        {
            return;
        }

        var e = summary.Evaluation;
        html.Append("<section id=\"recommendations\"><h2>Recommendations: holdout against popularity</h2><p>")
            .Append(Markup.Text(string.Create(CultureInfo.InvariantCulture,
                $"Trained before {e.HoldoutStart:yyyy-MM-dd}, measured on purchases from then to {e.HoldoutEnd:yyyy-MM-dd} by {e.Baseline.Customers:N0} customers who bought on both sides. "
                + $"Served: {summary.Served}{(summary.Lambda is { } l ? $" (λ {l})" : "")} for {summary.Customers:N0} customers ({summary.FallbackCustomers:N0} without history got best sellers), in {summary.ElapsedMs / 1000d:0.0} s.")))
            .Append("</p><table><thead><tr><th>model</th><th>hit rate@").Append(e.K).Append("</th><th>recall@").Append(e.K).Append("</th><th>NDCG@").Append(e.K).Append("</th></tr></thead><tbody>");
        foreach (var m in e.Models)
        {
            var name = m.Lambda is { } lambda ? string.Create(CultureInfo.InvariantCulture, $"{m.Model} λ={lambda}") : m.Model.ToString();
            var chosen = m.Model == e.Chosen && m.Lambda == e.Lambda;
            html.Append(chosen ? "<tr class=\"chosen\"><td><b>" : "<tr><td>").Append(Markup.Text(name)).Append(chosen ? "</b>" : "").Append("</td>")
                .Append(string.Create(CultureInfo.InvariantCulture, $"<td>{m.HitRate:0.000}</td><td>{m.Recall:0.000}</td><td>{m.Ndcg:0.000}</td></tr>"));
        }

        html.Append("</tbody></table></section>");
    }
}
