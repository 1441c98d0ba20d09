using Segments.Core.Cost;
using Segments.Storage.Metering;

namespace Segments.Storage.Tests.Metering;

public class UsageMeterTests
{
    [Fact]
    public void Requests_count_in_the_stage_that_is_current_when_they_are_sent()
    {
        // Arrange
        var clock = new ManualClock();
        using var meter = UsageMeter.Start("read", clock, () => 0);

        // Act
        meter.Record(StorageService.Blob, RequestKind.Read, requestBytes: 0, responseBytes: 100);
        meter.Record(StorageService.Blob, RequestKind.Read, requestBytes: 0, responseBytes: 50);
        meter.BeginStage("write");
        meter.Record(StorageService.Table, RequestKind.Write, requestBytes: 700, responseBytes: 0);
        var usage = meter.Stop();

        // Assert
        Assert.Equal(["read", "write"], usage.Stages.Keys);
        Assert.Equal((2L, 0L, 150L), (usage.Stages["read"].Requests.Blob.Read, usage.Stages["read"].RequestBytes, usage.Stages["read"].ResponseBytes));
        Assert.Equal((1L, 700L), (usage.Stages["write"].Requests.Table.Write, usage.Stages["write"].RequestBytes));
        Assert.Equal(3, usage.Requests.Total);
    }

    [Fact]
    public void Stage_times_add_up_and_a_stage_entered_twice_sums_its_spells()
    {
        // Arrange
        var clock = new ManualClock();
        using var meter = UsageMeter.Start("housekeeping", clock, () => 0);

        // Act
        clock.Advance(40);
        meter.BeginStage("read");
        clock.Advance(1500);
        meter.BeginStage("housekeeping");
        clock.Advance(25);
        var usage = meter.Stop();

        // Assert
        Assert.Equal(["housekeeping", "read"], usage.Stages.Keys);
        Assert.Equal((65L, 1500L, 1565L), (usage.Stages["housekeeping"].WallMs, usage.Stages["read"].WallMs, usage.WallMs));
    }

    [Fact]
    public void Each_stage_is_reported_ended_once_when_the_next_begins_or_the_meter_stops()
    {
        // Arrange
        var ended = new List<string>();
        var meter = UsageMeter.Start("housekeeping", new ManualClock(), () => 0);
        meter.StageEnded += ended.Add;

        // Act
        meter.BeginStage("read");
        meter.BeginStage("score");
        meter.Stop();
        meter.Stop();

        // Assert
        Assert.Equal(["housekeeping", "read", "score"], ended);
    }

    [Fact]
    public void Peak_memory_is_the_largest_working_set_seen_in_the_stage()
    {
        // Arrange: the working set reads 100, then 900 (at the stage change), then 300 (at the stop).
        var readings = new Queue<long>([100, 900, 300]);
        using var meter = UsageMeter.Start("read", new ManualClock(), () => readings.Count > 1 ? readings.Dequeue() : readings.Peek());

        // Act
        meter.BeginStage("score");
        var usage = meter.Stop();

        // Assert: the change's reading closes "read" and opens "score".
        Assert.Equal((900L, 900L, 900L), (usage.Stages["read"].PeakWorkingSetBytes, usage.Stages["score"].PeakWorkingSetBytes, usage.PeakWorkingSetBytes));
    }

    [Fact]
    public void The_meter_is_current_until_stopped_and_then_ignores_stragglers()
    {
        // Arrange
        var meter = UsageMeter.Start("ingest", new ManualClock(), () => 0);

        // Act
        var during = UsageMeter.Current;
        var usage = meter.Stop();
        meter.Record(StorageService.Blob, RequestKind.Write, 1, 1);

        // Assert
        Assert.Same(meter, during);
        Assert.Null(UsageMeter.Current);
        Assert.Equal(0, usage.Requests.Total);
        Assert.Same(usage, meter.Stop());
    }

    [Fact]
    public async Task Work_started_inside_a_measurement_is_measured_by_it_and_work_outside_is_not()
    {
        // Arrange
        static async Task SendAsync()
        {
            await Task.Yield();
            UsageMeter.Current?.Record(StorageService.Table, RequestKind.Write, 0, 0);
        }

        var outside = Task.Run(async () =>
        {
            await Task.Delay(10);
            await SendAsync();
        });

        // Act
        UsageReport usage;
        using (var meter = UsageMeter.Start("write", new ManualClock(), () => 0))
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(SendAsync)));
            await Parallel.ForEachAsync(Enumerable.Range(0, 4), async (_, _) => await SendAsync());
            usage = meter.Stop();
        }

        await outside;

        // Assert
        Assert.Equal(12, usage.Requests.Table.Write);
    }

    [Fact]
    public async Task Two_measurements_side_by_side_count_apart()
    {
        // Arrange
        static async Task<UsageReport> MeasureAsync(int requests)
        {
            using var meter = UsageMeter.Start("ingest", new ManualClock(), () => 0);
            for (var i = 0; i < requests; i++)
            {
                await Task.Yield();
                UsageMeter.Current!.Record(StorageService.Blob, RequestKind.Read, 0, 0);
            }

            return meter.Stop();
        }

        // Act
        var results = await Task.WhenAll(Task.Run(() => MeasureAsync(3)), Task.Run(() => MeasureAsync(5)));

        // Assert
        Assert.Equal([3L, 5L], results.Select(r => r.Requests.Blob.Read));
    }

    [Fact]
    public void Stopping_an_inner_meter_makes_the_outer_one_current_again()
    {
        // Arrange
        using var outer = UsageMeter.Start("outer", new ManualClock(), () => 0);
        var inner = UsageMeter.Start("inner", new ManualClock(), () => 0);

        // Act
        inner.Stop();

        // Assert
        Assert.Same(outer, UsageMeter.Current);
    }

    [Fact]
    public void Snapshot_includes_the_stage_still_running()
    {
        // Arrange
        var clock = new ManualClock();
        using var meter = UsageMeter.Start("read", clock, () => 0);
        clock.Advance(200);
        meter.BeginStage("score");
        clock.Advance(30);

        // Act
        var snapshot = meter.Snapshot();

        // Assert
        Assert.Equal((200L, 30L), (snapshot.Stages["read"].WallMs, snapshot.Stages["score"].WallMs));
    }
}
