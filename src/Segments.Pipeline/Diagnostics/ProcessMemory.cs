using System.Globalization;

namespace Segments.Pipeline.Diagnostics;

/// <summary>
/// Reads what this process has used of memory: the peak resident set so far and the GC heap now. The peak is
/// Linux's high-water mark (<c>VmHWM</c> in <c>/proc/self/status</c>, kept by the kernel, so no short peak between two
/// samples is missed) where it exists, and .NET's <see cref="System.Diagnostics.Process.PeakWorkingSet64"/> elsewhere.
/// </summary>
public static class ProcessMemory
{
    /// <summary>The Linux status file the peak is read from.</summary>
    public const string StatusPath = "/proc/self/status";

    private const string HighWaterMark = "VmHWM:";

    // The highest peak read so far. The kernel derives VmHWM from page counts it folds in per thread in batches,
    // so a reading can come out a page below an earlier one; a "peak so far" that fell would mislead.
    private static long s_highestPeak;

    /// <summary>This process's memory now; the peak never below any this process read before.</summary>
    public static ProcessMemoryReading Read()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        if (File.Exists(StatusPath) && PeakResidentBytes(File.ReadLines(StatusPath)) is { } peak)
        {
            return new ProcessMemoryReading(Highest(peak), ProcessMemoryReading.FromHighWaterMark, heap);
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new ProcessMemoryReading(Highest(process.PeakWorkingSet64), ProcessMemoryReading.FromPeakWorkingSet, heap);
    }

    private static long Highest(long peak)
    {
        var seen = Interlocked.Read(ref s_highestPeak);
        while (peak > seen)
        {
            var before = Interlocked.CompareExchange(ref s_highestPeak, peak, seen);
            if (before == seen)
            {
                return peak;
            }

            seen = before;
        }

        return seen;
    }

    /// <summary>
    /// The peak resident set in bytes from the lines of a <c>/proc/[pid]/status</c> file (<c>VmHWM:  123456 kB</c>),
    /// or null when no such line is there (not Linux, or a kernel without it).
    /// </summary>
    /// <param name="statusLines">The file's lines.</param>
    public static long? PeakResidentBytes(IEnumerable<string> statusLines)
    {
        ArgumentNullException.ThrowIfNull(statusLines);
        foreach (var line in statusLines)
        {
            if (!line.StartsWith(HighWaterMark, StringComparison.Ordinal))
            {
                continue;
            }

            // The kernel prints the value in kB (KiB) after padding: "VmHWM:\t  123456 kB".
            var fields = line[HighWaterMark.Length..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields is [var kibibytes, "kB"] && long.TryParse(kibibytes, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value * 1024;
            }

            throw new FormatException($"{StatusPath}: the line '{line}' is not 'VmHWM: <number> kB'.");
        }

        return null;
    }
}
