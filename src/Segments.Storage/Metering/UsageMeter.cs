using Segments.Core.Cost;

namespace Segments.Storage.Metering;

/// <summary>
/// Measures one execution (a run, or the ingestion of one batch): the storage requests it sends, wall time and
/// peak memory, stage by stage. <see cref="Start"/> makes the meter current for the calling flow and everything
/// that flows from it (awaited calls, tasks it starts, parallel loops), through an <see cref="AsyncLocal{T}"/>,
/// so that several executions in one process are measured apart; <see cref="StorageMeteringPolicy"/> reports
/// each request to the current meter. Stages follow one another: a request counts in the stage that is
/// current when it is sent.
/// </summary>
public sealed class UsageMeter : IDisposable
{
    // How often the working set is sampled between stage boundaries. Working-set reads are cheap (a /proc read
    // on Linux); ten a second catches the peaks of stages that run for seconds.
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(100);

    // The carrier of the current meter: the one piece of ambient state, as Activity.Current is for tracing.
    private static readonly AsyncLocal<UsageMeter?> Ambient = new();

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Func<long> _workingSet;
    private readonly UsageMeter? _outer;
    private readonly ITimer _sampler;
    private readonly Dictionary<string, StageUsage> _finished = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly long _started;
    private string _stage;
    private long _stageStartedMs;
    private StageUsage _current = StageUsage.None;
    private UsageReport? _report;

    private UsageMeter(string firstStage, TimeProvider time, Func<long> workingSet)
    {
        _time = time;
        _workingSet = workingSet;
        _outer = Ambient.Value;
        _stage = firstStage;
        _order.Add(firstStage);
        _started = time.GetTimestamp();
        Sample();
        // The sampler must not carry this meter along: it makes no requests, and a timer that captured the
        // flow would keep the meter reachable after it stopped.
        using (ExecutionContext.SuppressFlow())
        {
            _sampler = time.CreateTimer(_ => Sample(), null, SampleEvery, SampleEvery);
        }
    }

    /// <summary>Raised with a stage's name when it ends (the next stage begins, or the meter stops), outside the meter's lock.</summary>
    public event Action<string>? StageEnded;

    /// <summary>The meter of the current flow, or null when nothing is being measured.</summary>
    public static UsageMeter? Current => Ambient.Value;

    /// <summary>
    /// Starts measuring in stage <paramref name="firstStage"/> and makes the meter current for this flow until
    /// it is stopped. <paramref name="workingSet"/> reads the process working set (default <see cref="Environment.WorkingSet"/>).
    /// </summary>
    public static UsageMeter Start(string firstStage, TimeProvider? time = null, Func<long>? workingSet = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(firstStage);
        var meter = new UsageMeter(firstStage, time ?? TimeProvider.System, workingSet ?? (() => Environment.WorkingSet));
        Ambient.Value = meter;
        return meter;
    }

    /// <summary>Ends the current stage and starts <paramref name="stage"/>; a stage entered again adds up.</summary>
    public void BeginStage(string stage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);
        var nowMs = ElapsedMs();
        var memory = _workingSet();
        string ended;
        lock (_gate)
        {
            if (_report is not null)
            {
                throw new InvalidOperationException("The meter has stopped.");
            }

            CloseStage(nowMs, memory);
            ended = _stage;
            _stage = stage;
            if (!_order.Contains(stage))
            {
                _order.Add(stage);
            }

            _stageStartedMs = nowMs;
            _current = StageUsage.None with { PeakWorkingSetBytes = memory };
        }

        StageEnded?.Invoke(ended);
    }

    /// <summary>Counts one storage request in the current stage; ignored once the meter has stopped.</summary>
    public void Record(StorageService service, RequestKind kind, long requestBytes, long responseBytes)
    {
        lock (_gate)
        {
            if (_report is not null)
            {
                return;
            }

            _current = _current with
            {
                Requests = _current.Requests.Add(service, kind),
                RequestBytes = _current.RequestBytes + requestBytes,
                ResponseBytes = _current.ResponseBytes + responseBytes,
            };
        }
    }

    /// <summary>What has been used so far, the current stage up to now included.</summary>
    public UsageReport Snapshot()
    {
        var nowMs = ElapsedMs();
        lock (_gate)
        {
            return _report ?? Report(_current with { WallMs = nowMs - _stageStartedMs });
        }
    }

    /// <summary>
    /// Ends the last stage, stops sampling, and gives the current flow back to the meter that was current before
    /// (if any). Returns what the execution used; calling it again returns the same report.
    /// </summary>
    public UsageReport Stop()
    {
        var nowMs = ElapsedMs();
        var memory = _workingSet();
        UsageReport report;
        lock (_gate)
        {
            if (_report is not null)
            {
                return _report;
            }

            CloseStage(nowMs, memory);
            _report = report = Report(open: null);
        }

        _sampler.Dispose();
        if (Ambient.Value == this)
        {
            Ambient.Value = _outer;
        }

        StageEnded?.Invoke(_stage);
        return report;
    }

    /// <summary>Stops the meter (see <see cref="Stop"/>).</summary>
    public void Dispose() => Stop();

    private void Sample()
    {
        var memory = _workingSet();
        lock (_gate)
        {
            if (_report is null && memory > _current.PeakWorkingSetBytes)
            {
                _current = _current with { PeakWorkingSetBytes = memory };
            }
        }
    }

    // Under the lock: folds the current spell of the current stage into the finished ones.
    private void CloseStage(long nowMs, long memory)
    {
        var spell = _current with
        {
            WallMs = nowMs - _stageStartedMs,
            PeakWorkingSetBytes = Math.Max(_current.PeakWorkingSetBytes, memory),
        };
        _finished[_stage] = _finished.TryGetValue(_stage, out var earlier) ? earlier.Plus(spell) : spell;
        _current = StageUsage.None;
    }

    // Under the lock: the finished stages, plus the spell still open in the current stage (for snapshots).
    private UsageReport Report(StageUsage? open)
    {
        var stages = new Dictionary<string, StageUsage>(StringComparer.Ordinal);
        foreach (var name in _order)
        {
            var usage = _finished.GetValueOrDefault(name) ?? StageUsage.None;
            stages[name] = open is not null && name == _stage ? usage.Plus(open) : usage;
        }

        return new UsageReport(stages);
    }

    // Stage boundaries are read as whole milliseconds since the start, so stage times add up to the total exactly.
    private long ElapsedMs() => (long)_time.GetElapsedTime(_started).TotalMilliseconds;
}
