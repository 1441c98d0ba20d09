using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Delivery;

/// <summary>
/// The node receiver of <c>webhook-receiver.mjs</c> on a loopback port: it checks every signature with npm
/// <c>standardwebhooks</c> and parses every batch with npm <c>cloudevents</c>, independently of the code under test.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>The signing secret the tests configure.</summary>
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private readonly RunningProcess _process;
    private readonly HttpClient _http;

    private WebhookReceiver(RunningProcess process, int port)
    {
        _process = process;
        Port = port;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Its port.</summary>
    public int Port { get; }

    /// <summary>The URL destinations post to.</summary>
    public string Url => $"http://127.0.0.1:{Port}/hook";

    /// <summary>Starts it on <paramref name="port"/> (a free one when 0) with the faults in <paramref name="faults"/> (FAIL_FIRST, HANG_FIRST, GONE).</summary>
    public static async Task<WebhookReceiver> StartAsync(IReadOnlyDictionary<string, string>? faults = null, int port = 0)
    {
        port = port == 0 ? LoopbackPort.Free() : port;
        var start = new ProcessStartInfo("node", Path.Combine(RepositoryPaths.Root, "tests", "Segments.Integration.Tests", "Delivery", "webhook-receiver.mjs"))
        {
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["SECRET"] = Secret;
        foreach (var (name, value) in faults ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = RunningProcess.Start("The webhook receiver", start);
        await process.WaitUntilListeningAsync(TimeSpan.FromSeconds(30), port);
        return new WebhookReceiver(process, port);
    }

    /// <summary>What it saw so far.</summary>
    public async Task<JsonElement> StateAsync() => await _http.GetFromJsonAsync<JsonElement>("state");

    /// <summary>Every event of every accepted delivery as (webhook-id, segment, customer, move, type).</summary>
    public static IReadOnlyList<(string WebhookId, string Segment, string CustomerId, string Move, string Type)> Events(JsonElement state) =>
        state.GetProperty("accepted").EnumerateArray()
            .SelectMany(d => d.GetProperty("events").EnumerateArray().Select(e => (
                d.GetProperty("webhookId").GetString()!,
                e.GetProperty("data").GetProperty("segment").GetString()!,
                e.GetProperty("subject").GetString()!,
                e.GetProperty("data").GetProperty("move").GetString()!,
                e.GetProperty("type").GetString()!)))
            .ToList();

    /// <summary>What it logged, for failure messages.</summary>
    public string Output => _process.Output;

    /// <summary>Stops it (the process is killed: a receiver that goes down).</summary>
    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }
}
