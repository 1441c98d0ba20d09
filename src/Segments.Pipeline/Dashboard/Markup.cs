using System.Globalization;
using System.Net;

namespace Segments.Pipeline.Dashboard;

/// <summary>Text and numbers as the dashboard writes them into HTML and SVG: encoded, invariant culture.</summary>
internal static class Markup
{
    /// <summary>Text, HTML-encoded (also safe inside a double-quoted attribute).</summary>
    public static string Text(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A count with thousands separators (<c>4,372</c>).</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A coordinate or size, at most one decimal.</summary>
    public static string Px(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A machine-readable number for a data attribute.</summary>
    public static string Raw(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>USD with six decimals: one run costs fractions of a cent.</summary>
    public static string Usd(decimal value) => "$" + value.ToString("0.000000", CultureInfo.InvariantCulture);

    /// <summary>A duration in seconds with two decimals.</summary>
    public static string Seconds(long milliseconds) => (milliseconds / 1000d).ToString("0.00", CultureInfo.InvariantCulture) + " s";

    /// <summary>A fill colour from pale to deep blue for a share in [0, 1].</summary>
    public static string Blue(double share)
    {
        share = Math.Clamp(share, 0, 1);
        static int Mix(int from, int to, double t) => (int)Math.Round(from + ((to - from) * t));
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(0xEE, 0x17, share):x2}{Mix(0xF3, 0x4F, share):x2}{Mix(0xFA, 0x95, share):x2}");
    }

    /// <summary>Text colour readable on <see cref="Blue"/> of the same share.</summary>
    public static string InkOn(double share) => share > 0.45 ? "#ffffff" : "#1b2733";
}
