using System.Net.Sockets;
using Azure;
using Segments.Storage.Account;

namespace Segments.Storage.Tests.Account;

public sealed class StorageFaultsTests
{
    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(408)]
    [InlineData(429)]
    public void A_busy_or_failed_service_answer_is_transient_but_not_unreachable(int status)
    {
        var busy = new RequestFailedException(status, "Server busy");

        Assert.True(StorageFaults.IsTransient(busy, callerCancelled: false));
        Assert.False(StorageFaults.IsUnreachable(busy, callerCancelled: false));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    public void A_request_the_service_refused_is_not_transient(int status) =>
        Assert.False(StorageFaults.IsTransient(new RequestFailedException(status, "refused"), callerCancelled: false));

    [Fact]
    public void The_retry_policys_aggregate_is_transient_only_when_every_attempt_was()
    {
        var timeouts = new AggregateException(new RequestFailedException(503, "busy"), new TaskCanceledException("network timeout"));
        var oneRefused = new AggregateException(new RequestFailedException(503, "busy"), new RequestFailedException(404, "gone"));

        Assert.True(StorageFaults.IsTransient(timeouts, callerCancelled: false));
        Assert.False(StorageFaults.IsTransient(oneRefused, callerCancelled: false));
    }

    [Fact]
    public void A_cancellation_the_caller_asked_for_is_not_transient()
    {
        Assert.False(StorageFaults.IsTransient(new OperationCanceledException(), callerCancelled: true));
        Assert.True(StorageFaults.IsTransient(new OperationCanceledException(), callerCancelled: false));
    }

    [Fact]
    public void An_unreachable_account_is_transient() =>
        Assert.True(StorageFaults.IsTransient(new RequestFailedException(0, "connection refused", new HttpRequestException("refused", new SocketException(111))), callerCancelled: false));

    [Fact]
    public void A_bug_is_not_transient() =>
        Assert.False(StorageFaults.IsTransient(new InvalidOperationException("bug"), callerCancelled: false));
}
