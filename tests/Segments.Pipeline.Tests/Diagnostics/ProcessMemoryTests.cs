using Segments.Pipeline.Diagnostics;

namespace Segments.Pipeline.Tests.Diagnostics;

public sealed class ProcessMemoryTests
{
    [Fact]
    public void The_peak_is_read_from_this_process_s_real_status_file_and_is_at_least_what_it_holds_now()
    {
        // Arrange: the test runs on Linux, as the hosts do (CI, the Functions Flex Consumption plan).
        Assert.True(File.Exists(ProcessMemory.StatusPath), "no /proc/self/status: not Linux");
        var ballast = new byte[64 * 1024 * 1024];
        Array.Fill(ballast, (byte)1);
        var resident = Environment.WorkingSet;

        // Act
        var parsed = ProcessMemory.PeakResidentBytes(File.ReadLines(ProcessMemory.StatusPath));
        var reading = ProcessMemory.Read();

        // Assert: the high-water mark is a multiple of 1 KiB, never below what is resident now (the 64 MiB touched
        // above included), and the reading takes it from there.
        GC.KeepAlive(ballast);
        Assert.NotNull(parsed);
        Assert.Equal(0, parsed.Value % 1024);
        // The kernel counts resident pages per thread (or per CPU) and folds them in batches, so two readings a
        // moment apart can disagree by a few pages (CI saw the mark one 4 KiB page below the working set read just
        // before it): "at least what it holds" is checked to within 8 MiB, far below the 64 MiB ballast.
        Assert.True(parsed.Value >= resident - (8L * 1024 * 1024), $"VmHWM {parsed} < working set {resident} by more than 8 MiB");
        Assert.True(parsed.Value >= 64L * 1024 * 1024, $"VmHWM {parsed}");
        Assert.Equal(ProcessMemoryReading.FromHighWaterMark, reading.PeakSource);
        // The same batching moves the mark between two reads (CI saw the second one page below the first).
        Assert.True(reading.PeakResidentBytes >= parsed.Value - (8L * 1024 * 1024), $"{reading.PeakResidentBytes} < {parsed} by more than 8 MiB");
        Assert.True(reading.GcHeapBytes > 0);
    }

    [Fact]
    public void The_high_water_mark_line_is_read_in_kibibytes_among_the_other_lines()
    {
        // Arrange: the kernel's layout (tabs, padding).
        string[] status = ["Name:\tdotnet", "VmPeak:\t 4194304 kB", "VmHWM:\t  1130496 kB", "VmRSS:\t  1000000 kB"];

        // Act
        var peak = ProcessMemory.PeakResidentBytes(status);

        // Assert
        Assert.Equal(1130496L * 1024, peak);
        Assert.Equal(1104L, new ProcessMemoryReading(peak!.Value, ProcessMemoryReading.FromHighWaterMark, 0).PeakResidentMebibytes);
    }

    [Fact]
    public void A_status_without_the_line_gives_no_peak_and_a_malformed_one_says_which_line()
    {
        // Act
        var missing = ProcessMemory.PeakResidentBytes(["Name:\tdotnet", "VmRSS:\t 1000 kB"]);
        var error = Assert.Throws<FormatException>(() => ProcessMemory.PeakResidentBytes(["VmHWM:\t 12 MB"]));

        // Assert
        Assert.Null(missing);
        Assert.Contains("VmHWM:\t 12 MB", error.Message, StringComparison.Ordinal);
    }
}
