namespace Segments.Pipeline.Configuration;

/// <summary>
/// The settings both hosts check before they start, and the one line they stop with: a schedule that is not
/// six-field NCRONTAB or an instance memory that is not a size would otherwise fail later, at the first timer tick
/// or the first priced run, far from the setting to fix.
/// </summary>
public static class StartupSettings
{
    /// <summary>How every start-up refusal begins (stderr, one line, exit code 1).</summary>
    public const string CannotStart = "Segments host cannot start: ";

    /// <summary>Why <paramref name="segments"/> cannot work, naming the setting; null when it can.</summary>
    public static string? Problem(SegmentsOptions segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (NcrontabSchedule.Parse(segments.Schedule).Problem is { } schedule)
        {
            return $"{schedule} (setting Segments:Schedule)";
        }

        return segments.InstanceMemoryMb <= 0
            ? $"Segments:InstanceMemoryMb is {segments.InstanceMemoryMb}; give the app's instance memory in MB (512, 2048 or 4096)."
            : null;
    }
}
