using System.Text;

namespace Segments.Pipeline.Dashboard;

/// <summary>The dashboard's "Deliveries per run" table: drawn only once a destination has received something.</summary>
internal static class DeliveriesSection
{
    public static void Render(StringBuilder html, IReadOnlyList<RunDeliveries> deliveries)
    {
        if (deliveries.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"deliveries\"><h2>Deliveries per run</h2><div class=\"runs-table\"><table><thead><tr><th>Run</th><th>Destination</th>")
            .Append("<th class=\"num\">Events</th><th class=\"num\">Batches</th><th class=\"num\">Sent</th><th class=\"num\">Pending</th><th class=\"num\">Dead-lettered</th></tr></thead><tbody>");
        foreach (var d in deliveries)
        {
            html.Append($"<tr class=\"delivery\" data-run=\"{Markup.Text(d.RunId)}\" data-destination=\"{Markup.Text(d.Destination)}\"><td>{Markup.Text(d.RunId)}</td><td>{Markup.Text(d.Destination)}</td>")
                .Append($"<td class=\"num\">{Markup.Count(d.Events)}</td><td class=\"num\">{Markup.Count(d.Batches)}</td><td class=\"num\">{Markup.Count(d.Sent)}</td>")
                .Append($"<td class=\"num\">{Markup.Count(d.Pending)}</td><td class=\"num\">{Markup.Count(d.DeadLettered)}</td></tr>");
        }

        html.Append("</tbody></table></div></section>");
    }
}
