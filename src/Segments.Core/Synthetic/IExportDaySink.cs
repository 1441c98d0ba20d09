namespace Segments.Core.Synthetic;

/// <summary>Where a generator's rows go, day by day: one file for all, or one batch per day.</summary>
public interface IExportDaySink
{
    /// <summary>
    /// The writer for <paramref name="day"/>'s rows, with the header already written where a new file starts.
    /// Called once per day that has rows, days in order, before the day's first row.
    /// </summary>
    TextWriter BeginDay(DateOnly day);

    /// <summary>Called after the day's last row.</summary>
    void EndDay(DateOnly day);
}
