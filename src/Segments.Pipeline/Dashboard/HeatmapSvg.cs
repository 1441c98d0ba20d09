using System.Text;

namespace Segments.Pipeline.Dashboard;

/// <summary>Grids of counts drawn as shaded cells: the R × F heatmap and the segment movement matrix.</summary>
internal static class HeatmapSvg
{
    /// <summary>Customers per R score (rows, 5 at the top) × F score (columns, 1 at the left).</summary>
    public static string RfGrid(IReadOnlyList<IReadOnlyList<int>> grid)
    {
        const int Cell = 68;
        const int Left = 64;
        const int Top = 16;
        var scores = grid.Count;
        var max = Math.Max(1, grid.SelectMany(row => row).DefaultIfEmpty(0).Max());
        var width = Left + (scores * Cell) + 16;
        var height = Top + (scores * Cell) + 56;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"heatmap\" role=\"img\" aria-label=\"Customers per R score and F score\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">");
        for (var r = scores; r >= 1; r--)
        {
            var y = Top + ((scores - r) * Cell);
            svg.Append($"<text class=\"axis\" x=\"{Left - 10}\" y=\"{y + (Cell / 2) + 5}\" text-anchor=\"end\">R {r}</text>");
            for (var f = 1; f <= scores; f++)
            {
                var x = Left + ((f - 1) * Cell);
                var customers = grid[r - 1][f - 1];
                var share = (double)customers / max;
                svg.Append($"<g class=\"cell\" data-r=\"{r}\" data-f=\"{f}\" data-customers=\"{customers}\">")
                    .Append($"<rect x=\"{x + 1}\" y=\"{y + 1}\" width=\"{Cell - 2}\" height=\"{Cell - 2}\" rx=\"4\" fill=\"{Markup.Blue(share)}\"/>")
                    .Append($"<text x=\"{x + (Cell / 2)}\" y=\"{y + (Cell / 2) + 6}\" text-anchor=\"middle\" style=\"fill:{Markup.InkOn(share)}\" class=\"count\">{Markup.Count(customers)}</text>")
                    .Append("</g>");
            }
        }

        for (var f = 1; f <= scores; f++)
        {
            svg.Append($"<text class=\"axis\" x=\"{Left + ((f - 1) * Cell) + (Cell / 2)}\" y=\"{Top + (scores * Cell) + 22}\" text-anchor=\"middle\">F {f}</text>");
        }

        svg.Append($"<text class=\"axis-title\" x=\"{Left + (scores * Cell / 2)}\" y=\"{height - 8}\" text-anchor=\"middle\">frequency score →</text>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Customers per (segment before, segment after), with a row for new customers and a column for those who left.</summary>
    public static string Movement(SegmentMovement movement)
    {
        const int Cell = 52;
        const int Left = 150;
        const int Top = 118;
        const string NewRow = "New customers";
        const string LeftColumn = "Not in later run";
        var rows = movement.Segments.Select(s => (string?)s).Append(null).ToList();
        var columns = movement.Segments.Select(s => (string?)s).Append(null).ToList();
        var counts = movement.Transitions.ToDictionary(t => (t.From, t.To), t => t.Customers);
        var max = Math.Max(1, movement.Transitions.Where(t => t.From != t.To).Select(t => t.Customers).DefaultIfEmpty(0).Max());
        // Room on the right for the last column's slanted label.
        var width = Left + (columns.Count * Cell) + 80;
        var height = Top + (rows.Count * Cell) + 8;

        var svg = new StringBuilder();
        svg.Append($"<svg class=\"matrix\" role=\"img\" aria-label=\"RFM segment moves between the two runs\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">");
        for (var c = 0; c < columns.Count; c++)
        {
            var x = Left + (c * Cell) + (Cell / 2);
            svg.Append($"<text class=\"axis\" transform=\"translate({x + 4},{Top - 8}) rotate(-45)\">{Markup.Text(columns[c] ?? LeftColumn)}</text>");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var y = Top + (r * Cell);
            svg.Append($"<text class=\"axis\" x=\"{Left - 8}\" y=\"{y + (Cell / 2) + 5}\" text-anchor=\"end\">{Markup.Text(rows[r] ?? NewRow)}</text>");
            for (var c = 0; c < columns.Count; c++)
            {
                if (rows[r] is null && columns[c] is null)
                {
                    continue;
                }

                var x = Left + (c * Cell);
                var customers = counts.GetValueOrDefault((rows[r], columns[c]));
                var stayed = rows[r] is not null && rows[r] == columns[c];
                var share = stayed ? 0 : (double)customers / max;
                var fill = stayed ? "#e3eadf" : customers == 0 ? "#f6f7f9" : Markup.Blue(0.12 + (0.88 * share));
                svg.Append($"<g class=\"move\" data-from=\"{Markup.Text(rows[r] ?? "(new)")}\" data-to=\"{Markup.Text(columns[c] ?? "(gone)")}\" data-customers=\"{customers}\">")
                    .Append($"<rect x=\"{x + 1}\" y=\"{y + 1}\" width=\"{Cell - 2}\" height=\"{Cell - 2}\" rx=\"3\" fill=\"{fill}\"/>");
                if (customers > 0)
                {
                    svg.Append($"<text x=\"{x + (Cell / 2)}\" y=\"{y + (Cell / 2) + 5}\" text-anchor=\"middle\" class=\"count small\" style=\"fill:{(stayed ? "#3d5a2a" : Markup.InkOn(0.12 + (0.88 * share)))}\">{Markup.Count(customers)}</text>");
                }

                svg.Append("</g>");
            }
        }

        return svg.Append("</svg>").ToString();
    }
}
