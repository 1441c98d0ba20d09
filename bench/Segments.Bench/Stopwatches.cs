using System.Diagnostics;

namespace Segments.Bench;

/// <summary>Timing of repeated runs: the median is reported, so one disturbed run on a shared machine does not count.</summary>
internal static class Stopwatches
{
    /// <summary>Runs <paramref name="action"/> <paramref name="repeats"/> times; returns the median and the fastest, in milliseconds, and the last result.</summary>
    public static (double MedianMs, double FastestMs, T Last) Measure<T>(int repeats, Func<T> action)
    {
        var times = new double[repeats];
        T last = default!;
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            last = action();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return (times[repeats / 2], times[0], last);
    }
}
