using System.Diagnostics;
using System.Net;

namespace Segments.Integration.Tests.Faults;

/// <summary>
/// A marketing tool that looks one customer up every 100 ms while a fault happens, through whichever host is
/// up: records every answer, so a test can say which runs answered and how long lookups were unavailable.
/// </summary>
public sealed class LookupProbe : IAsyncDisposable
{
    private readonly string _customerId;
    private readonly List<(TimeSpan At, HttpStatusCode? Status, string? RunId)> _answers = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private volatile FaultHost? _host;

    /// <summary>Starts looking <paramref name="customerId"/> up through <paramref name="host"/>.</summary>
    public LookupProbe(FaultHost host, string customerId)
    {
        _host = host;
        _customerId = customerId;
        _loop = LoopAsync(_stop.Token);
    }

    /// <summary>Looks up through another host from now on (null: no host is up, record nothing).</summary>
    public void Use(FaultHost? host) => _host = host;

    /// <summary>Every answer so far (status null: no answer at all).</summary>
    public IReadOnlyList<(TimeSpan At, HttpStatusCode? Status, string? RunId)> Answers
    {
        get
        {
            lock (_answers)
            {
                return [.. _answers];
            }
        }
    }

    /// <summary>The longest stretch between two lookups that did answer 200 from a run, while a host was up.</summary>
    public TimeSpan LongestUnavailable()
    {
        var longest = TimeSpan.Zero;
        TimeSpan? since = null;
        foreach (var (at, status, _) in Answers)
        {
            if (status == HttpStatusCode.OK)
            {
                if (since is { } start && at - start > longest)
                {
                    longest = at - start;
                }

                since = null;
            }
            else
            {
                since ??= at;
            }
        }

        return since is { } open && _clock.Elapsed - open > longest ? _clock.Elapsed - open : longest;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (_host is { } host)
            {
                (HttpStatusCode? Status, string? RunId) answer;
                try
                {
                    answer = await host.LookupAsync(_customerId);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ObjectDisposedException or System.Text.Json.JsonException)
                {
                    answer = (null, null);
                }

                if (ReferenceEquals(host, _host))
                {
                    lock (_answers)
                    {
                        _answers.Add((_clock.Elapsed, answer.Status, answer.RunId));
                    }
                }
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
