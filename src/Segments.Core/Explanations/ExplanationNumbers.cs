using System.Globalization;

namespace Segments.Core.Explanations;

/// <summary>How explanations write numbers: invariant culture, thousands separators, units spelled out.</summary>
internal static class ExplanationNumbers
{
    public static string Days(decimal days) => Count(days, "day");

    public static string Orders(decimal orders) => Count(orders, "order");

    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);

    public static string Percent(double share) => share.ToString("0.##%", CultureInfo.InvariantCulture);

    /// <summary>Four decimals: a P(alive) of 0.99973 is not "1".</summary>
    public static string Probability(double p) => p.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>20 → "20th", 50 → "median".</summary>
    public static string PercentileName(decimal level) => level switch
    {
        0.5m => "median",
        _ => $"{(level * 100).ToString("0.#", CultureInfo.InvariantCulture)}th-percentile",
    };

    private static string Count(decimal value, string unit) => $"{Number(value)} {unit}{(value == 1 ? string.Empty : "s")}";
}
