using System.Text;

namespace Segments.Pipeline.Dashboard;

/// <summary>A horizontal bar per segment: name, bar, customer count, and the members reachable by e-mail and SMS.</summary>
internal static class BarChartSvg
{
    private const int RowHeight = 26;
    private const int LabelWidth = 130;
    private const int BarWidth = 120;
    private const int CountWidth = 56;
    private const int ReachWidth = 130;

    public static string Render(SegmentFamily family)
    {
        var max = Math.Max(1, family.Segments.Count == 0 ? 1 : family.Segments.Max(s => s.Customers));
        // Runs recorded before reach was kept have none: their chart keeps its old width.
        var withReach = family.Segments.Any(s => s.ReachableByEmail is not null);
        var width = LabelWidth + BarWidth + CountWidth + (withReach ? ReachWidth : 0);
        var height = (family.Segments.Count * RowHeight) + 8;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"bars\" role=\"img\" aria-label=\"{Markup.Text(family.Title)}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">");
        for (var i = 0; i < family.Segments.Count; i++)
        {
            var segment = family.Segments[i];
            var y = (i * RowHeight) + 4;
            var length = segment.Customers == 0 ? 0 : Math.Max(2, BarWidth * (double)segment.Customers / max);
            var reach = segment.ReachableByEmail is { } email && segment.ReachableBySms is { } sms ? (Email: email, Sms: sms) : ((int Email, int Sms)?)null;
            var reachData = reach is { } r ? $" data-email=\"{r.Email}\" data-sms=\"{r.Sms}\"" : string.Empty;
            svg.Append($"<g class=\"segment\" data-segment=\"{Markup.Text(segment.Id)}\" data-customers=\"{segment.Customers}\"{reachData}>")
                .Append($"<text class=\"label\" x=\"{LabelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\">{Markup.Text(segment.Name)}</text>")
                .Append($"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{Markup.Px(length)}\" height=\"{RowHeight - 8}\" rx=\"3\" fill=\"#2f6db5\"/>")
                .Append($"<text class=\"value\" x=\"{Markup.Px(LabelWidth + length + 6)}\" y=\"{y + 17}\">{Markup.Count(segment.Customers)}</text>");
            if (reach is { } reached)
            {
                svg.Append($"<text class=\"reach\" x=\"{LabelWidth + BarWidth + CountWidth}\" y=\"{y + 17}\">{Markup.Count(reached.Email)} e-mail · {Markup.Count(reached.Sms)} SMS</text>");
            }

            svg.Append("</g>");
        }

        return svg.Append("</svg>").ToString();
    }
}
