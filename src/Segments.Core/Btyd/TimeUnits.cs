namespace Segments.Core.Btyd;

/// <summary>Conversions between calendar days and <see cref="TimeUnit"/>s.</summary>
public static class TimeUnits
{
    /// <summary>
    /// Days in one average month, 365.25 / 12, so that twelve months make one year whatever the unit.
    /// </summary>
    public const double DaysPerMonth = 365.25 / 12;

    /// <summary>Calendar days in one unit.</summary>
    public static double DaysPer(TimeUnit unit) => unit switch
    {
        TimeUnit.Day => 1,
        TimeUnit.Week => 7,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unknown time unit"),
    };

    /// <summary>Units in one average month (<see cref="DaysPerMonth"/> days).</summary>
    public static double PerMonth(TimeUnit unit) => DaysPerMonth / DaysPer(unit);

    /// <summary>Parses <c>day</c> or <c>week</c> (any case).</summary>
    public static bool TryParse(string text, out TimeUnit unit)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "day":
            case "days":
                unit = TimeUnit.Day;
                return true;
            case "week":
            case "weeks":
                unit = TimeUnit.Week;
                return true;
            default:
                unit = TimeUnit.Week;
                return false;
        }
    }
}
