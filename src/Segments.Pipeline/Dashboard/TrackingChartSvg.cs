using System.Globalization;
using System.Text;
using Segments.Core.Btyd;

namespace Segments.Pipeline.Dashboard;

/// <summary>
/// The tracking plot of Fader, Hardie &amp; Lee (2005, figure 2): cumulative repeat purchases week by week, actual
/// (solid) against what the model fitted on the calibration period expects (dashed), the holdout shaded.
/// </summary>
internal static class TrackingChartSvg
{
    public static string Render(IReadOnlyList<TrackingPoint> points)
    {
        const int Width = 560;
        const int Height = 260;
        const int Left = 64;
        const int Right = 16;
        const int Top = 14;
        const int Bottom = 40;
        var max = Math.Max(1, points.Max(p => Math.Max(p.Actual, p.Expected)));
        var weeks = Math.Max(1, points[^1].Week);
        double X(int week) => Left + ((Width - Left - Right) * week / (double)weeks);
        double Y(double value) => Top + ((Height - Top - Bottom) * (1 - (value / max)));
        string Line(Func<TrackingPoint, double> value) =>
            string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.Week):0.#},{Y(value(p)):0.#}")));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"tracking\" role=\"img\" aria-label=\"Cumulative repeat purchases: actual and expected\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\">");
        if (points.FirstOrDefault(p => p.Holdout) is { } firstHoldout)
        {
            var x = X(firstHoldout.Week - 1);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{Top}\" width=\"{X(weeks) - x:0.#}\" height=\"{Height - Top - Bottom}\" fill=\"#eef3f9\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{x + 6:0.#}\" y=\"{Top + 14}\">holdout</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#9aa7b4\"/>")
            .Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Left - 8}\" y=\"{Top + 5}\" text-anchor=\"end\">{Markup.Count((long)max)}</text>")
            .Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Left - 8}\" y=\"{Height - Bottom + 4}\" text-anchor=\"end\">0</text>")
            .Append(CultureInfo.InvariantCulture, $"<polyline class=\"actual\" fill=\"none\" stroke=\"#17324f\" stroke-width=\"2\" points=\"{Line(p => p.Actual)}\"/>")
            .Append(CultureInfo.InvariantCulture, $"<polyline class=\"expected\" fill=\"none\" stroke=\"#2f6db5\" stroke-width=\"2\" stroke-dasharray=\"6 4\" points=\"{Line(p => p.Expected)}\"/>")
            .Append(CultureInfo.InvariantCulture, $"<text class=\"axis-title\" x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\">weeks since the first customer's first purchase → (solid: actual, dashed: expected)</text>");
        return svg.Append("</svg>").ToString();
    }
}
