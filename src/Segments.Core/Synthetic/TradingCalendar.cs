using Segments.Core.Randomness;

namespace Segments.Core.Synthetic;

/// <summary>
/// The days of a generated export with their relative trade: weekdays full, Sundays 0.8, Saturdays 0.35 (the UCI shop
/// barely traded on Saturdays), and a season that peaks in November (1.5) and dips in January and February (0.85).
/// </summary>
internal sealed class TradingCalendar
{
    private const double MaxWeight = 1.5;

    private static readonly double[] MonthWeights = [0.85, 0.85, 0.95, 0.95, 1.0, 1.0, 0.95, 0.95, 1.1, 1.2, 1.5, 1.25];

    private readonly double[] _weights;

    public TradingCalendar(DateOnly from, DateOnly to)
    {
        From = from;
        _weights = new double[to.DayNumber - from.DayNumber + 1];
        for (var d = 0; d < _weights.Length; d++)
        {
            var day = from.AddDays(d);
            var weekday = day.DayOfWeek switch
            {
                DayOfWeek.Saturday => 0.35,
                DayOfWeek.Sunday => 0.8,
                _ => 1.0,
            };
            _weights[d] = weekday * MonthWeights[day.Month - 1];
            TotalWeight += _weights[d];
        }
    }

    /// <summary>The first day.</summary>
    public DateOnly From { get; }

    /// <summary>Days from the first to the last, both included.</summary>
    public int Days => _weights.Length;

    /// <summary>The sum of every day's weight.</summary>
    public double TotalWeight { get; }

    /// <summary>The relative trade of day <paramref name="day"/> (an index from <see cref="From"/>).</summary>
    public double Weight(int day) => _weights[day];

    /// <summary>A day in [<paramref name="first"/>, <paramref name="last"/>] in proportion to the days' weights (by rejection).</summary>
    public int Draw(SplitMix64 random, int first, int last)
    {
        while (true)
        {
            var day = first + random.Next(last - first + 1);
            if (random.NextDouble() * MaxWeight < _weights[day])
            {
                return day;
            }
        }
    }
}
