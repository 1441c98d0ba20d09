using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Segments.Pipeline.Scale;

namespace Segments.Pipeline.Tests.Scale;

public sealed class PassProgressLogTests
{
    [Fact]
    public void A_line_is_written_at_most_every_thirty_seconds_and_never_for_the_last_bucket()
    {
        var time = new FakeTimeProvider();
        var logger = new FakeLogger();
        var log = new PassProgressLog(logger, "r1", "score", 64, time);

        log.Report(1);                                  // too soon
        time.Advance(TimeSpan.FromSeconds(31));
        log.Report(5);                                  // due
        time.Advance(TimeSpan.FromSeconds(10));
        log.Report(6);                                  // 10 s after the last line
        time.Advance(TimeSpan.FromSeconds(25));
        log.Report(9);                                  // 35 s after it
        time.Advance(TimeSpan.FromSeconds(40));
        log.Report(9);                                  // no bucket more since
        log.Report(64);                                 // the pass's end has its own line

        Assert.Collection(
            logger.Collector.GetSnapshot().Select(r => r.Message),
            m => Assert.Matches(@"^Run r1: pass 'score': 5 of 64 buckets done; peak RSS so far [1-9][0-9]* MiB, GC heap [0-9]+ MiB$", m),
            m => Assert.Matches(@"^Run r1: pass 'score': 9 of 64 buckets done; peak RSS so far [1-9][0-9]* MiB, GC heap [0-9]+ MiB$", m));
    }
}
