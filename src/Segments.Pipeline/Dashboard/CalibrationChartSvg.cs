using System.Globalization;
using System.Text;
using Segments.Core.Btyd;

namespace Segments.Pipeline.Dashboard;

/// <summary>Churn calibration: per tenth of predicted churn, the share that then bought nothing; on the diagonal when calibrated.</summary>
internal static class CalibrationChartSvg
{
    public static string Render(IReadOnlyList<ChurnCalibrationBin> bins)
    {
        const int Size = 240;
        const int Left = 48;
        const int Top = 12;
        const int Bottom = 40;
        double X(double p) => Left + (Size * p);
        double Y(double p) => Top + (Size * (1 - p));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"calibration\" role=\"img\" aria-label=\"Predicted churn against observed no purchase\" width=\"{Left + Size + 16}\" height=\"{Top + Size + Bottom}\" viewBox=\"0 0 {Left + Size + 16} {Top + Size + Bottom}\">")
            .Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Size}\" height=\"{Size}\" fill=\"none\" stroke=\"#dde3ea\"/>")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(0)}\" y1=\"{Y(0)}\" x2=\"{X(1)}\" y2=\"{Y(1)}\" stroke=\"#9aa7b4\" stroke-dasharray=\"4 4\"/>");
        foreach (var bin in bins)
        {
            // Marker area grows with the bin's customers, so a point from a handful of customers reads as such.
            var radius = 3 + Math.Min(9, Math.Sqrt(bin.Customers) / 3);
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"bin\" data-customers=\"{bin.Customers}\" cx=\"{X(bin.MeanPredictedChurn):0.#}\" cy=\"{Y(bin.ObservedChurn):0.#}\" r=\"{radius:0.#}\" fill=\"#2f6db5\" fill-opacity=\"0.7\"><title>{bin.From:0.0}–{bin.To:0.0}: {bin.Customers} customers, predicted {bin.MeanPredictedChurn:0.00}, observed {bin.ObservedChurn:0.00}</title></circle>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Left - 6}\" y=\"{Top + 5}\" text-anchor=\"end\">1</text><text class=\"axis\" x=\"{Left - 6}\" y=\"{Top + Size}\" text-anchor=\"end\">0</text>")
            .Append(CultureInfo.InvariantCulture, $"<text class=\"axis-title\" x=\"{Left + (Size / 2)}\" y=\"{Top + Size + 28}\" text-anchor=\"middle\">predicted churn → (y: observed no purchase)</text>");
        return svg.Append("</svg>").ToString();
    }
}
