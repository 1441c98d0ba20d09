using System.Diagnostics;
using System.Globalization;

namespace Segments.Integration.Tests.Fixtures;

/// <summary>
/// The local host as a real process listening on a loopback port, as an operator runs it: for clients that
/// need a socket (a browser), which the in-process test host does not open.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly RunningProcess _process;

    private HostProcess(RunningProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the host listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The host's process id (to read its memory from <c>/proc</c>).</summary>
    public int ProcessId => _process.Id;

    /// <summary>What the host wrote so far, for failure messages.</summary>
    public string Output => _process.Output;

    /// <summary>
    /// Starts <c>dotnet Segments.Host.dll</c> on a free port with <paramref name="environment"/> and waits until
    /// <paramref name="readyPath"/> answers (any status below 500). <paramref name="workingDirectory"/> defaults to
    /// the test output folder; <c>scripts/run-local.sh</c> runs the host from the repository root.
    /// </summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> environment, string readyPath, string? readyKey, string? workingDirectory = null)
    {
        var port = LoopbackPort.Free().ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("dotnet")
        {
            // The test output folder holds the host's appsettings.json and no local.settings.json: only the
            // settings given here apply.
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Segments.Host.dll"), "--urls", $"http://127.0.0.1:{port}" },
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var host = new HostProcess(RunningProcess.Start("The host", start), new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            using var client = host.CreateClient(readyKey);
            await host._process.WaitUntilAnswersAsync(client, readyPath, status => (int)status < 500, StartTimeout);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>An HTTP client for the host; <paramref name="key"/>, when given, goes in <c>x-functions-key</c>.</summary>
    public HttpClient CreateClient(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        return client;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
