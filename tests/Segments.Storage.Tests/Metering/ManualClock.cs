namespace Segments.Storage.Tests.Metering;

/// <summary>A clock that moves only when told to, in whole milliseconds; its timers never fire.</summary>
public sealed class ManualClock : TimeProvider
{
    private long _ms;

    /// <inheritdoc />
    public override long TimestampFrequency => 1000;

    /// <inheritdoc />
    public override long GetTimestamp() => Interlocked.Read(ref _ms);

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new StoppedTimer();

    /// <summary>Moves the clock on.</summary>
    public void Advance(long ms) => Interlocked.Add(ref _ms, ms);

    private sealed class StoppedTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
