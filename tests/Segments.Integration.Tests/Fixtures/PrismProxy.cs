using System.Diagnostics;
using System.Globalization;

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

    private readonly RunningProcess _process;

    private PrismProxy(RunningProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Where Prism listens, e.g. <c>http://127.0.0.1:41235/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>What Prism logged so far (each request, forward and violation), for failure messages.</summary>
    public string Output => _process.Output;

    /// <summary>The lines of Prism's log that report a violation or an error, for failure messages.</summary>
    public string Violations =>
        string.Join('\n', _process.Lines.Where(line => line.Contains("[VALIDATOR]", StringComparison.Ordinal) || line.Contains("error", StringComparison.Ordinal)));

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
            ArgumentList =
            {
                "proxy", documentPath, upstream.GetLeftPart(UriPartial.Authority), "--errors",
                "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture),
            },
        };
        var prism = new PrismProxy(RunningProcess.Start("Prism", start), new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await prism._process.WaitUntilListeningAsync(StartTimeout, port);
        }
        catch
        {
            await prism.DisposeAsync();
            throw;
        }

        return prism;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
