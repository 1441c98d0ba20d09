using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Segments.Integration.Tests.Fixtures;

/// <summary>
/// Prism (<c>@stoplight/prism-cli</c>, pinned in package.json) as a validating proxy in front of a host: it
/// forwards each request and checks request and answer against an OpenAPI document. Started with
/// <c>--errors</c>, so that a violation is not only logged: an answer that breaks the document becomes
/// Prism's own <c>500 application/problem+json</c>, and a lesser mismatch (a status the document does not
/// list) keeps the host's answer but carries an <c>sl-violations</c> header.
/// </summary>
public sealed class PrismProxy : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly List<string> _output = [];

    private PrismProxy(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Where Prism listens, e.g. <c>http://127.0.0.1:41235/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>What Prism logged so far (each request, forward and violation), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>The lines of Prism's log that report a violation or an error, for failure messages.</summary>
    public string Violations
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output.Where(line => line.Contains("[VALIDATOR]", StringComparison.Ordinal) || line.Contains("error", StringComparison.Ordinal)));
            }
        }
    }

    /// <summary>Starts <c>prism proxy {document} {upstream} --errors</c> on a free loopback port and waits until it listens.</summary>
    public static async Task<PrismProxy> StartAsync(string documentPath, Uri upstream)
    {
        if (!File.Exists(RepositoryPaths.Prism))
        {
            throw new InvalidOperationException($"Prism is not installed at {RepositoryPaths.Prism}: run 'npm ci' at the repository root (scripts/test.sh does).");
        }

        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo(RepositoryPaths.Prism)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList =
            {
                "proxy", documentPath, upstream.GetLeftPart(UriPartial.Authority), "--errors",
                "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture),
            },
        };
        var prism = new PrismProxy(Process.Start(start) ?? throw new InvalidOperationException("Prism did not start."), new Uri($"http://127.0.0.1:{port}/"));
        prism._process.OutputDataReceived += (_, e) => prism.Record(e.Data);
        prism._process.ErrorDataReceived += (_, e) => prism.Record(e.Data);
        prism._process.BeginOutputReadLine();
        prism._process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (!await IsListeningAsync(port))
        {
            if (prism._process.HasExited || deadline.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException($"Prism did not come up within {StartTimeout.TotalSeconds} s:\n{prism.Output}");
            }

            await Task.Delay(200);
        }

        return prism;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

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
