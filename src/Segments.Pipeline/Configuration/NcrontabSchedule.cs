using NCrontab;

namespace Segments.Pipeline.Configuration;

/// <summary>The six-field NCRONTAB format of Azure Functions timer triggers (seconds first).</summary>
public static class NcrontabSchedule
{
    /// <summary>Parses <paramref name="expression"/>, or returns why it is not a six-field NCRONTAB expression.</summary>
    public static (CrontabSchedule? Schedule, string? Problem) Parse(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            return (null, $"Schedule '{expression}' has {fields.Length} fields; Azure Functions timers take six: second minute hour day month day-of-week (e.g. '0 0 2 * * *').");
        }

        var schedule = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        return schedule is null ? (null, $"Schedule '{expression}' is not a valid NCRONTAB expression.") : (schedule, null);
    }
}
