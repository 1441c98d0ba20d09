using System.Globalization;
using System.Text;
using Segments.Core.Cohorts;

namespace Segments.Pipeline.Dashboard;

/// <summary>The retention heatmap: a row per cohort, a column per month since the first order, shaded by rate.</summary>
internal static class CohortHeatmapSvg
{
    public static string Render(CohortTable table)
    {
        const int Cell = 40;
        const int Left = 120;
        const int Top = 26;
        var cohorts = table.Cells.Select(c => c.Cohort).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var months = table.Cells.Count == 0 ? 0 : table.Cells.Max(c => c.Month) + 1;
        var width = Left + (months * Cell) + 8;
        var height = Top + (cohorts.Count * Cell) + 8;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"cohorts\" role=\"img\" aria-label=\"Retention by cohort and month since the first order\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">");
        for (var m = 0; m < months; m++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Left + (m * Cell) + (Cell / 2)}\" y=\"{Top - 8}\" text-anchor=\"middle\">{m}</text>");
        }

        var cells = table.Cells.ToDictionary(c => (c.Cohort, c.Month));
        for (var r = 0; r < cohorts.Count; r++)
        {
            var y = Top + (r * Cell);
            var size = table.Cells.First(c => c.Cohort == cohorts[r]).CohortSize;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Left - 8}\" y=\"{y + (Cell / 2) + 5}\" text-anchor=\"end\">{cohorts[r]} ({Markup.Count(size)})</text>");
            for (var m = 0; m < months; m++)
            {
                if (!cells.TryGetValue((cohorts[r], m), out var cell))
                {
                    continue;
                }

                var x = Left + (m * Cell);
                // Month 0 is 100% by definition: drawn neutral so the later months' shades carry the contrast.
                var fill = m == 0 ? "#e3eadf" : Markup.Blue(Math.Min(1, cell.Rate * 2));
                svg.Append(CultureInfo.InvariantCulture, $"<g class=\"cohort-cell\" data-cohort=\"{cell.Cohort}\" data-month=\"{m}\" data-rate=\"{cell.Rate:0.####}\">")
                    .Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + 1}\" y=\"{y + 1}\" width=\"{Cell - 2}\" height=\"{Cell - 2}\" rx=\"3\" fill=\"{fill}\"/>")
                    .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (Cell / 2)}\" y=\"{y + (Cell / 2) + 4}\" text-anchor=\"middle\" class=\"count small\" style=\"fill:{(m == 0 ? "#3d5a2a" : Markup.InkOn(Math.Min(1, cell.Rate * 2)))}\">{cell.Rate * 100:0}%</text>")
                    .Append("</g>");
            }
        }

        return svg.Append("</svg>").ToString();
    }
}
