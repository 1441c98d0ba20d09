using Microsoft.Extensions.Logging;

namespace Segments.Pipeline.Diagnostics;

/// <summary>
/// The one log line a run writes when one of its stages or passes ends: the process's peak resident memory so far and
/// its GC heap, so that an operator sizing an instance sees which stage needed the memory (the peak only grows: the
/// stage whose line first shows the final peak is the one that reached it).
/// </summary>
public static partial class StageMemoryLog
{
    /// <summary>Logs the memory of this process as <paramref name="stage"/> of run <paramref name="runId"/> ends.</summary>
    /// <param name="logger">The run's logger.</param>
    /// <param name="runId">The run.</param>
    /// <param name="stage">The stage or pass that ended.</param>
    public static void Ended(ILogger logger, string runId, string stage)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var memory = ProcessMemory.Read();
        LogEnded(logger, runId, stage, memory.PeakResidentMebibytes, memory.PeakSource, memory.GcHeapMebibytes);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: {Stage} ended; peak RSS so far {PeakMiB} MiB ({PeakSource}), GC heap {GcHeapMiB} MiB")]
    private static partial void LogEnded(ILogger logger, string runId, string stage, long peakMiB, string peakSource, long gcHeapMiB);
}
