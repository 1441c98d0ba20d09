using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Faults;

/// <summary>
/// An Azurite of one test that keeps its data on disk, so it can be stopped (an outage: connections are
/// refused) and started again on the same ports with everything it held, as storage that comes back.
/// </summary>
public sealed class RestartableAzurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _location = Path.Combine(Path.GetTempPath(), "segments-faults-" + Guid.NewGuid().ToString("N"));
    private readonly (int Blob, int Queue, int Table) _ports = (LoopbackPort.Free(), LoopbackPort.Free(), LoopbackPort.Free());
    private Process? _process;

    /// <summary>Connection string; the same across restarts.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};"
        + $"BlobEndpoint=http://127.0.0.1:{_ports.Blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_ports.Queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{_ports.Table}/devstoreaccount1;";

    /// <summary>Starts Azurite (again) on this instance's ports and folder and waits until every service listens.</summary>
    public async Task StartAsync()
    {
        Directory.CreateDirectory(_location);
        var start = new ProcessStartInfo(RepositoryPaths.Azurite)
        {
            ArgumentList =
            {
                "--location", _location, "--disableTelemetry", "--skipApiVersionCheck", "--loose",
                "--blobHost", "127.0.0.1", "--blobPort", Text(_ports.Blob),
                "--queueHost", "127.0.0.1", "--queuePort", Text(_ports.Queue),
                "--tableHost", "127.0.0.1", "--tablePort", Text(_ports.Table),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (!(await IsListeningAsync(_ports.Blob) && await IsListeningAsync(_ports.Queue) && await IsListeningAsync(_ports.Table)))
        {
            if (_process.HasExited || deadline.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException($"Azurite did not come up within {StartTimeout.TotalSeconds} s.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Stops Azurite as an operator does (SIGTERM: it saves its data and exits) and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", Text(_process.Id)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        _process.Dispose();
        _process = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (Directory.Exists(_location))
        {
            Directory.Delete(_location, recursive: true);
        }
    }

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static async Task<bool> IsListeningAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
