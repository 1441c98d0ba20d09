using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Faults;

/// <summary>
/// A local host as a real process, as an operator runs it, that a fault test can kill (SIGKILL: no
/// shutdown, no cleanup) and replace; with the calls an operator and a marketing tool make.
/// </summary>
public sealed class FaultHost : IAsyncDisposable
{
    /// <summary>The admin key of the hosts fault tests start.</summary>
    public const string AdminKey = "fault-admin-key";

    /// <summary>The function key of the hosts fault tests start.</summary>
    public const string FunctionKey = "fault-function-key";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly HostProcess _process;

    private FaultHost(HostProcess process)
    {
        _process = process;
        Http = process.CreateClient(FunctionKey);
        Http.Timeout = TimeSpan.FromSeconds(30);
    }

    /// <summary>A client that sends the function key.</summary>
    public HttpClient Http { get; }

    /// <summary>Where the host listens.</summary>
    public Uri BaseAddress => _process.BaseAddress;

    /// <summary>The host's process id (bucket work progress rows name their worker by it).</summary>
    public int ProcessId => _process.ProcessId;

    /// <summary>What the host logged, for failure messages.</summary>
    public string Output => _process.Output;

    /// <summary>Starts a host on <paramref name="connectionString"/>, with instances of one app sharing the host id (and so the run lease).</summary>
    public static async Task<FaultHost> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Segments__AdminKey"] = AdminKey,
            ["Segments__FunctionKey"] = FunctionKey,
            ["Segments__PollIntervalSeconds"] = "1",
            ["Segments__HostId"] = "segments-faults",
            ["Segments__ActiveRunCacheSeconds"] = "0",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return new FaultHost(await HostProcess.StartAsync(environment, "api/health", null));
    }

    /// <summary>Kills the process at once, as a crash or an evicted instance does.</summary>
    public async Task KillAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
    }

    /// <summary>POST /api/runs with <paramref name="body"/>; returns the answer.</summary>
    public async Task<HttpResponseMessage> PostRunAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/runs") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-functions-key", AdminKey);
        return await Http.SendAsync(request);
    }

    /// <summary>Requests a run as of <paramref name="asOf"/>; returns its id.</summary>
    public async Task<string> RequestRunAsync(string asOf)
    {
        using var response = await PostRunAsync($$"""{"asOf":"{{asOf}}"}""");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
    }

    /// <summary>The run's row as GET /api/runs/{id} shows it.</summary>
    public Task<JsonElement> GetRunAsync(string runId) => Http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}");

    /// <summary>Waits until the run is final (succeeded or failed, with its end time) and returns it.</summary>
    public Task<JsonElement> WaitForRunAsync(string runId) =>
        PollAsync(async () =>
        {
            var run = await GetRunAsync(runId);
            return (run.GetProperty("status").GetString() is "succeeded" or "failed" && run.GetProperty("finishedAt").ValueKind != JsonValueKind.Null, run);
        }, $"run {runId} to end");

    /// <summary>Waits until the run's status is <paramref name="status"/>.</summary>
    public Task<JsonElement> WaitForRunStatusAsync(string runId, string status) =>
        PollAsync(async () =>
        {
            var run = await GetRunAsync(runId);
            return (run.GetProperty("status").GetString() == status, run);
        }, $"run {runId} to be {status}");

    /// <summary>The Batches ledger rows of <paramref name="blobName"/>.</summary>
    public async Task<IReadOnlyList<JsonElement>> BatchRowsAsync(string blobName)
    {
        var batches = await Http.GetFromJsonAsync<JsonElement>("api/batches");
        return batches.EnumerateArray().Where(b => b.GetProperty("blobName").GetString() == blobName).ToList();
    }

    /// <summary>Waits until the ledger has a final row for <paramref name="blobName"/> and returns the rows.</summary>
    public Task<IReadOnlyList<JsonElement>> WaitForBatchAsync(string blobName) =>
        PollAsync(async () =>
        {
            var rows = await BatchRowsAsync(blobName);
            return (rows.Any(r => r.GetProperty("status").GetString() is "accepted" or "rejected" or "duplicate" or "poison"
                && r.TryGetProperty("costUsd", out var cost) && cost.ValueKind != JsonValueKind.Null), rows);
        }, $"batch {blobName}");

    /// <summary>GET /api/customers/{id}: the status and, when found, the run that answered.</summary>
    public async Task<(HttpStatusCode Status, string? RunId)> LookupAsync(string customerId)
    {
        using var response = await Http.GetAsync($"api/customers/{customerId}");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, null);
        }

        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString());
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
    }

    private static async Task<T> PollAsync<T>(Func<Task<(bool Done, T Value)>> probe, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Patience)
        {
            try
            {
                var (done, value) = await probe();
                if (done)
                {
                    return value;
                }
            }
            catch (HttpRequestException)
            {
                // The host may be answering 503 while storage is down: ask again.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Gave up waiting for {what} after {Patience.TotalSeconds} s.");
    }
}
