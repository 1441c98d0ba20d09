using Microsoft.Extensions.Logging;
using Segments.Pipeline.Diagnostics;

namespace Segments.Pipeline.Scale;

/// <summary>
/// How far a bucket pass has got, for an operator watching a long run: at 1M customers pass 3 writes for over half an
/// hour on the emulator (bench/README.md, "The whole 1M run"), and without this the log said nothing meanwhile. At most
/// one line per <see cref="Every"/>, and none for the last bucket: the pass's end has its own line. Each line has the
/// process's peak memory so far, as the stage lines (<see cref="StageMemoryLog"/>), so a peak is placed within a pass.
/// </summary>
public sealed partial class PassProgressLog
{
    /// <summary>The least time between two progress lines of one pass.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    private readonly ILogger _logger;
    private readonly string _runId;
    private readonly string _phase;
    private readonly int _buckets;
    private readonly TimeProvider _time;
    private long _since;
    private int _reported;

    /// <summary>Starts timing pass <paramref name="phase"/> of <paramref name="runId"/> over <paramref name="buckets"/> buckets.</summary>
    public PassProgressLog(ILogger logger, string runId, string phase, int buckets, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        (_logger, _runId, _phase, _buckets, _time) = (logger, runId, phase, buckets, time);
        _since = time.GetTimestamp();
    }

    /// <summary>Says that <paramref name="done"/> buckets are done, if a line is due.</summary>
    public void Report(int done)
    {
        if (done <= _reported || done >= _buckets || _time.GetElapsedTime(_since) < Every)
        {
            return;
        }

        _since = _time.GetTimestamp();
        _reported = done;
        var memory = ProcessMemory.Read();
        LogProgress(_logger, _runId, _phase, done, _buckets, memory.PeakResidentMebibytes, memory.GcHeapMebibytes);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: pass '{Phase}': {Done} of {Buckets} buckets done; peak RSS so far {PeakMiB} MiB, GC heap {GcHeapMiB} MiB")]
    private static partial void LogProgress(ILogger logger, string runId, string phase, int done, int buckets, long peakMiB, long gcHeapMiB);
}
