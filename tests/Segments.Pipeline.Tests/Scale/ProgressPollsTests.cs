using Azure;
using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;
using Segments.Pipeline.Scale;

namespace Segments.Pipeline.Tests.Scale;

public sealed class ProgressPollsTests
{
    [Fact]
    public async Task Polls_that_fail_as_the_table_emulator_did_are_tried_again_until_one_answers()
    {
        var time = new FakeTimeProvider();
        var heard = new List<string>();
        var polls = ProgressPolls.Create(time, ex => heard.Add(ex.Message));
        var attempts = 0;
        var started = time.GetUtcNow();

        // Three minutes of the failures a million customers' table writes caused, then an answer.
        var poll = polls.ExecuteAsync(
            _ => ++attempts * ProgressPolls.RetryDelay < TimeSpan.FromMinutes(3)
                ? throw new AggregateException(new RequestFailedException(500, "Operation timed out"))
                : ValueTask.FromResult(42),
            CancellationToken.None).AsTask();
        await AdvanceUntilDoneAsync(time, poll);

        Assert.Equal(42, await poll);
        Assert.Equal(36, attempts);                  // 3 min / 5 s: the 36th poll is the first that answers
        Assert.Equal(35, heard.Count);               // every failed poll was reported
        Assert.All(heard, m => Assert.Contains("Operation timed out", m, StringComparison.Ordinal));
        Assert.True(time.GetUtcNow() - started >= 35 * ProgressPolls.RetryDelay, "each retry waited its delay");
    }

    [Fact]
    public async Task Polls_that_keep_failing_give_up_after_the_outage_bound()
    {
        var time = new FakeTimeProvider();
        var polls = ProgressPolls.Create(time, _ => { });
        var started = time.GetUtcNow();

        var poll = polls.ExecuteAsync<int>(_ => throw new RequestFailedException(503, "Server busy"), CancellationToken.None).AsTask();
        await AdvanceUntilDoneAsync(time, poll);

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => poll);
        Assert.InRange(time.GetUtcNow() - started, ProgressPolls.Outage, ProgressPolls.Outage + TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_poll_the_service_refused_fails_at_once()
    {
        var polls = ProgressPolls.Create(new FakeTimeProvider(), _ => Assert.Fail("a 403 is not tried again"));
        var attempts = 0;

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => polls.ExecuteAsync<int>(
            _ =>
            {
                attempts++;
                throw new RequestFailedException(403, "AuthorizationFailure");
            },
            CancellationToken.None).AsTask());

        Assert.Equal(403, failure.Status);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Cancelling_the_wait_stops_the_polls_without_a_timeout()
    {
        var time = new FakeTimeProvider();
        using var lease = new CancellationTokenSource();
        var polls = ProgressPolls.Create(time, _ => lease.Cancel());  // the lease is lost during the first retry's delay

        var poll = polls.ExecuteAsync<int>(_ => throw new RequestFailedException(503, "Server busy"), lease.Token).AsTask();
        await AdvanceUntilDoneAsync(time, poll);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll);
    }

    // The retry delays and the timeout run on the fake clock: move it a second at a time until the poll ends.
    private static async Task AdvanceUntilDoneAsync(FakeTimeProvider time, Task poll)
    {
        for (var step = 0; step < 3600 && !poll.IsCompleted; step++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        Assert.True(poll.IsCompleted, "the poll did not end within an hour of fake time");
    }
}
