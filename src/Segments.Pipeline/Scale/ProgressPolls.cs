using Polly;
using Polly.Retry;
using Polly.Timeout;
using Segments.Storage.Account;

namespace Segments.Pipeline.Scale;

/// <summary>
/// How the coordinator polls the progress table while a pass runs: a poll that fails for a reason a later poll may
/// not meet (<see cref="StorageFaults.IsTransient"/>: the table emulator or account overloaded, a network timeout) is
/// tried again every <see cref="RetryDelay"/> until one answers or the failures have lasted <see cref="Outage"/>.
/// The workers go on with their buckets meanwhile, so a pass outlives a short outage instead of failing the run on the
/// first poll that the clients' own retries could not get through (a million customers' table writes did that).
/// The wait stays bounded: past <see cref="Outage"/> the poll throws <see cref="TimeoutRejectedException"/>.
/// </summary>
public static class ProgressPolls
{
    /// <summary>How long the coordinator bears polls that keep failing before it fails the run.</summary>
    public static readonly TimeSpan Outage = TimeSpan.FromMinutes(10);

    /// <summary>The wait between a failed poll and the next.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The pipeline one poll runs through; <paramref name="onRetry"/> hears every failure that will be tried again.
    /// </summary>
    public static ResiliencePipeline Create(TimeProvider time, Action<Exception> onRetry)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(onRetry);
        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(Outage)
            .AddRetry(new RetryStrategyOptions
            {
                // The outer timeout bounds the attempts; their count does not matter.
                MaxRetryAttempts = int.MaxValue,
                Delay = RetryDelay,
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex && StorageFaults.IsTransient(ex, args.Context.CancellationToken.IsCancellationRequested)),
                OnRetry = args =>
                {
                    onRetry(args.Outcome.Exception!);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }
}
