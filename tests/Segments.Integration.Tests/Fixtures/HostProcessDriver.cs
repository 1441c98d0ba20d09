using System.Net.Http.Json;
using System.Text.Json;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Fixtures;

/// <summary>What a test does to a host running as a process: drop exports into storage, wait for them, run.</summary>
public sealed class HostProcessDriver(HostProcess host, string connectionString, string functionKey, string adminKey) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>A client that sends the function key in <c>x-functions-key</c>.</summary>
    public HttpClient Http { get; } = host.CreateClient(functionKey);

    /// <summary>Uploads <paramref name="path"/> as blob <paramref name="blobName"/> of <paramref name="container"/> and waits until the ledger holds it as accepted.</summary>
    public async Task IngestFileAsync(string blobName, string path, string container = StorageNames.TransactionsContainer)
    {
        var storage = StorageAccount.Connect(connectionString);
        await storage.EnsureReadyAsync(CancellationToken.None);
        await using var stream = File.OpenRead(path);
        var blob = await new DropZone(storage, container).UploadAsync(blobName, stream, CancellationToken.None);
        await PollAsync(async () =>
        {
            var batches = await Http.GetFromJsonAsync<JsonElement>("api/batches");
            return batches.EnumerateArray().Any(b => b.GetProperty("eTag").GetString() == blob.ETag && b.GetProperty("status").GetString() == "accepted"
                && b.TryGetProperty("costUsd", out var cost) && cost.ValueKind != JsonValueKind.Null);
        }, $"batch {blobName}");
    }

    /// <summary>Starts a run as of <paramref name="asOf"/> with the admin key and waits until it succeeded; returns the run.</summary>
    public async Task<JsonElement> RunAsync(string asOf)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/runs") { Content = JsonContent.Create(new { asOf }) };
        request.Headers.Add("x-functions-key", adminKey);
        using var response = await Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString().TrimStart('/');
        JsonElement run = default;
        await PollAsync(async () =>
        {
            run = await Http.GetFromJsonAsync<JsonElement>(location);
            return run.GetProperty("status").GetString() is "succeeded" or "failed" && run.GetProperty("finishedAt").ValueKind != JsonValueKind.Null;
        }, $"run {location}");
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        return run;
    }

    /// <inheritdoc />
    public void Dispose() => Http.Dispose();

    private static async Task PollAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await done())
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Gave up waiting for {what} after {Patience.TotalSeconds} s.");
    }
}
