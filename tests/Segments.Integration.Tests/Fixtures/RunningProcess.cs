using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Segments.Integration.Tests.Fixtures;

/// <summary>
/// A long-lived child process of a test (a host, Azurite, Prism, the Functions runtime): what it writes on
/// stdout and stderr is kept for failure messages, and disposing it kills it and every process it started,
/// so that no test leaves one behind.
/// </summary>
public sealed class RunningProcess : IAsyncDisposable
{
    // Killed processes exit at once; a wait longer than this means something holds on, and the test should say so.
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);
    private const int LinesInFailures = 120;

    private readonly Process _process;
    private readonly string _name;
    private readonly List<string> _output = [];
    private bool _disposed;

    private RunningProcess(Process process, string name)
    {
        _process = process;
        _name = name;
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The lines written so far, stdout and stderr as they came.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>The lines written so far as one text, for failure messages.</summary>
    public string Output => string.Join('\n', Lines);

    /// <summary>The last lines written, as one text: enough for a failure message, where a chatty process would drown it.</summary>
    public string Tail => string.Join('\n', Lines.TakeLast(LinesInFailures));

    /// <summary>
    /// Starts <paramref name="start"/> with its output captured (the redirection is set here); <paramref name="name"/>
    /// says what it is in failure messages ("Azurite", "The host").
    /// </summary>
    public static RunningProcess Start(string name, ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var running = new RunningProcess(Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start."), name);
        running._process.OutputDataReceived += (_, e) => running.Record(e.Data);
        running._process.ErrorDataReceived += (_, e) => running.Record(e.Data);
        running._process.BeginOutputReadLine();
        running._process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Whether the process wrote a line containing <paramref name="text"/>.</summary>
    public bool Logged(string text)
    {
        lock (_output)
        {
            return _output.Any(line => line.Contains(text, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Waits until every one of <paramref name="ports"/> accepts connections; fails with the output when the
    /// process ends first or <paramref name="timeout"/> passes.
    /// </summary>
    public async Task WaitUntilListeningAsync(TimeSpan timeout, params int[] ports)
    {
        var deadline = Stopwatch.StartNew();
        while (!await AllListeningAsync(ports))
        {
            if (_process.HasExited || deadline.Elapsed > timeout)
            {
                throw new InvalidOperationException($"{_name} did not come up within {timeout.TotalSeconds} s:\n{Tail}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Waits until <c>GET <paramref name="path"/></c> through <paramref name="client"/> answers a status that
    /// <paramref name="ready"/> accepts; fails with the output when the process ends first or <paramref name="timeout"/> passes.
    /// </summary>
    public async Task WaitUntilAnswersAsync(HttpClient client, string path, Func<HttpStatusCode, bool> ready, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_name} exited with code {_process.ExitCode} before it answered:\n{Tail}");
            }

            try
            {
                using var response = await client.GetAsync(path);
                if (ready(response.StatusCode))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer in the client's time.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{_name} did not answer {path} within {timeout.TotalSeconds} s:\n{Tail}");
    }

    /// <summary>
    /// Asks the process to stop (SIGTERM), as an operator does, so that it can save what it holds; kills it
    /// when it has not ended within <paramref name="patience"/>.
    /// </summary>
    public async Task StopAsync(TimeSpan patience)
    {
        if (!_process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
            using var wait = new CancellationTokenSource(patience);
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // Did not stop in time: killed on dispose.
            }
        }

        await DisposeAsync();
    }

    /// <summary>Kills the process and the processes it started at once, as a crash would, and waits until they are gone.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(ExitTimeout);
            await _process.WaitForExitAsync(timeout.Token);
        }

        _process.Dispose();
    }

    private static async Task<bool> AllListeningAsync(int[] ports)
    {
        foreach (var port in ports)
        {
            if (!await LoopbackPort.IsListeningAsync(port))
            {
                return false;
            }
        }

        return true;
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }
}
