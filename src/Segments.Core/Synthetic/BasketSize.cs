using Segments.Core.Randomness;

namespace Segments.Core.Synthetic;

/// <summary>
/// Lines per invoice: log-normal with shape 1.1, rounded, between 1 and 600 (the UCI file: median 10, mean about 20).
/// When a total line count is asked for, the median is found that gives it on average.
/// </summary>
internal static class BasketSize
{
    /// <summary>The UCI file's median lines per (registered customer's) invoice.</summary>
    public const double UciMedian = 10;

    /// <summary>Lines of a cancellation on average: one half of the time, else 2–5.</summary>
    public const double CancellationMeanLines = 2.25;

    private const double Sigma = 1.1;
    private const int MaxLines = 600;

    // A fixed sample of standard normal draws, so that the mean for a median is the same number on every run.
    private static readonly double[] Sample = DrawSample();

    /// <summary>Lines of one invoice around <paramref name="median"/>.</summary>
    public static int Draw(SplitMix64 random, double median) => Lines(random.NextLogNormal(median, Sigma));

    /// <summary>The cancellation's lines.</summary>
    public static int DrawCancellation(SplitMix64 random) => 1 + (random.NextDouble() < 0.5 ? 0 : 1 + random.Next(4));

    /// <summary>
    /// The median of a registered customer's invoice (guests' invoices are twice as large, as in the UCI file) at which
    /// the invoices are expected to hold <paramref name="lines"/> lines; the smallest median tried when even one-line
    /// invoices give more.
    /// </summary>
    public static double MedianFor(double lines, double customerPurchases, double guestInvoices, double cancellations)
    {
        var fixedLines = cancellations * CancellationMeanLines;
        double Expected(double median) => fixedLines + (customerPurchases * Mean(median)) + (guestInvoices * Mean(2 * median));
        double low = 0.01, high = 5_000;
        for (var i = 0; i < 60; i++)
        {
            var middle = Math.Sqrt(low * high);
            if (Expected(middle) < lines)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static double Mean(double median)
    {
        var sum = 0.0;
        foreach (var z in Sample)
        {
            sum += Lines(median * Math.Exp(Sigma * z));
        }

        return sum / Sample.Length;
    }

    private static int Lines(double draw) => (int)Math.Clamp(Math.Round(draw), 1, MaxLines);

    private static double[] DrawSample()
    {
        var random = new SplitMix64(0x5EED);
        var sample = new double[16_384];
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] = random.NextGaussian();
        }

        return sample;
    }
}
