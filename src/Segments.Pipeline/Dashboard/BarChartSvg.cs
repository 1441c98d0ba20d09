using System.Text;

namespace Segments.Pipeline.Dashboard;

/// <summary>A horizontal bar per segment: name, bar, customer count.</summary>
internal static class BarChartSvg
{
    private const int RowHeight = 26;
    private const int LabelWidth = 130;
    private const int BarWidth = 120;
    private const int Width = LabelWidth + BarWidth + 50;

    public static string Render(SegmentFamily family)
    {
        var max = Math.Max(1, family.Segments.Count == 0 ? 1 : family.Segments.Max(s => s.Customers));
        var height = (family.Segments.Count * RowHeight) + 8;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"bars\" role=\"img\" aria-label=\"{Markup.Text(family.Title)}\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\">");
        for (var i = 0; i < family.Segments.Count; i++)
        {
            var segment = family.Segments[i];
            var y = (i * RowHeight) + 4;
            var length = segment.Customers == 0 ? 0 : Math.Max(2, BarWidth * (double)segment.Customers / max);
            svg.Append($"<g class=\"segment\" data-segment=\"{Markup.Text(segment.Id)}\" data-customers=\"{segment.Customers}\">")
                .Append($"<text class=\"label\" x=\"{LabelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\">{Markup.Text(segment.Name)}</text>")
                .Append($"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{Markup.Px(length)}\" height=\"{RowHeight - 8}\" rx=\"3\" fill=\"#2f6db5\"/>")
                .Append($"<text class=\"value\" x=\"{Markup.Px(LabelWidth + length + 6)}\" y=\"{y + 17}\">{Markup.Count(segment.Customers)}</text>")
                .Append("</g>");
        }

        return svg.Append("</svg>").ToString();
    }
}
