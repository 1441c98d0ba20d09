using System.Text;

namespace Segments.Pipeline.Dashboard;

/// <summary>A column per run over time (oldest at the left), for one measure such as duration or cost.</summary>
internal static class ColumnChartSvg
{
    private const int Width = 350;
    private const int Height = 240;
    private const int Left = 72;
    private const int Bottom = 44;
    private const int Top = 14;

    /// <summary>Draws <paramref name="values"/> (null: not measured, no column) labelled with <paramref name="format"/>.</summary>
    public static string Render(string title, IReadOnlyList<RunPoint> runs, Func<RunPoint, decimal?> values, Func<decimal, string> format)
    {
        var max = runs.Select(values).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0).Max();
        var top = max <= 0 ? 1 : max;
        var plotWidth = Width - Left - 10;
        var plotHeight = Height - Top - Bottom;
        var slot = runs.Count == 0 ? plotWidth : (double)plotWidth / runs.Count;
        var barWidth = Math.Max(2, Math.Min(48, slot * 0.7));
        var labelEvery = Math.Max(1, (int)Math.Ceiling(runs.Count / 8d));

        var svg = new StringBuilder();
        svg.Append($"<svg class=\"columns\" role=\"img\" aria-label=\"{Markup.Text(title)}\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\">");
        for (var tick = 0; tick <= 4; tick++)
        {
            var y = Top + plotHeight - (plotHeight * tick / 4d);
            svg.Append($"<line x1=\"{Left}\" x2=\"{Width - 10}\" y1=\"{Markup.Px(y)}\" y2=\"{Markup.Px(y)}\" stroke=\"#e3e7ec\"/>")
                .Append($"<text class=\"axis\" x=\"{Left - 6}\" y=\"{Markup.Px(y + 4)}\" text-anchor=\"end\">{Markup.Text(format(top * tick / 4))}</text>");
        }

        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var centre = Left + (slot * i) + (slot / 2);
            if (values(run) is { } value)
            {
                var length = plotHeight * (double)(value / top);
                var fill = run.Status == Storage.Runs.RunStatus.Failed ? "#c8553d" : "#2f6db5";
                svg.Append($"<rect x=\"{Markup.Px(centre - (barWidth / 2))}\" y=\"{Markup.Px(Top + plotHeight - length)}\" width=\"{Markup.Px(barWidth)}\" height=\"{Markup.Px(Math.Max(1, length))}\" rx=\"2\" fill=\"{fill}\">")
                    .Append($"<title>{Markup.Text(run.RunId)}: {Markup.Text(format(value))}</title></rect>");
            }

            if (i % labelEvery == 0)
            {
                svg.Append($"<text class=\"axis\" x=\"{Markup.Px(centre)}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{Markup.Text(run.RequestedAt.ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))}</text>");
            }
        }

        svg.Append($"<text class=\"axis-title\" x=\"{Left + (plotWidth / 2)}\" y=\"{Height - 6}\" text-anchor=\"middle\">run requested at (UTC)</text>");
        return svg.Append("</svg>").ToString();
    }
}
