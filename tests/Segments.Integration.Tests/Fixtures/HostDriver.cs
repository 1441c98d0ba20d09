using System.Net.Http.Json;
using System.Text.Json;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Fixtures;

/// <summary>What a test does to the running host: upload exports, wait for ingestion, run, look up.</summary>
public sealed class HostDriver(SegmentsHostFactory factory, string connectionString)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>An HTTP client for the in-process host that sends the function key, as a marketing tool would.</summary>
    public HttpClient Http { get; } = KeyedClient(factory);

    /// <summary>The host's services (endpoint data source, options).</summary>
    public IServiceProvider Services => factory.Services;

    /// <summary>An HTTP client that sends no key.</summary>
    public HttpClient CreateClientWithoutKey() => factory.CreateClient();

    /// <summary>Storage, as a shop's export job or an operator sees it.</summary>
    public StorageAccount Storage { get; } = StorageAccount.Connect(connectionString);

    /// <summary>Uploads text as a blob in <c>transactions</c>, optionally forcing a mapping through metadata.</summary>
    public Task<DroppedBlob> UploadAsync(string blobName, string content, string? mappingName = null) =>
        UploadBytesAsync(blobName, System.Text.Encoding.UTF8.GetBytes(content), mappingName);

    /// <summary>Uploads bytes as a blob in <c>transactions</c>.</summary>
    public async Task<DroppedBlob> UploadBytesAsync(string blobName, byte[] content, string? mappingName = null)
    {
        await Storage.EnsureReadyAsync(CancellationToken.None);
        using var stream = new MemoryStream(content);
        return await new DropZone(Storage).UploadAsync(blobName, stream, CancellationToken.None, mappingName);
    }

    /// <summary>Uploads text as a blob in <c>customers</c> (a customer export), optionally forcing a profile mapping through metadata.</summary>
    public async Task<DroppedBlob> UploadProfilesAsync(string blobName, string content, string? mappingName = null)
    {
        await Storage.EnsureReadyAsync(CancellationToken.None);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));
        return await new DropZone(Storage, StorageNames.CustomersContainer).UploadAsync(blobName, stream, CancellationToken.None, mappingName);
    }

    /// <summary>Uploads bytes as a blob in <c>events</c> (a behaviour-event export, plain or gzip).</summary>
    public async Task<DroppedBlob> UploadEventsAsync(string blobName, byte[] content)
    {
        await Storage.EnsureReadyAsync(CancellationToken.None);
        using var stream = new MemoryStream(content);
        return await new DropZone(Storage, StorageNames.EventsContainer).UploadAsync(blobName, stream, CancellationToken.None);
    }

    /// <summary>Uploads a file as a blob in <c>transactions</c>.</summary>
    public async Task<DroppedBlob> UploadFileAsync(string blobName, string path)
    {
        await Storage.EnsureReadyAsync(CancellationToken.None);
        await using var stream = File.OpenRead(path);
        return await new DropZone(Storage).UploadAsync(blobName, stream, CancellationToken.None);
    }

    /// <summary>Waits until the ledger holds an outcome for this blob version (in <paramref name="status"/>, if given) and returns the row.</summary>
    public async Task<JsonElement> WaitForBatchAsync(DroppedBlob blob, string? status = null)
    {
        return await PollAsync(async () =>
        {
            var batches = await Http.GetFromJsonAsync<JsonElement>("/api/batches");
            foreach (var batch in batches.EnumerateArray())
            {
                if (batch.GetProperty("blobName").GetString() == blob.Name && batch.GetProperty("eTag").GetString() == blob.ETag
                    && (status is null || batch.GetProperty("status").GetString() == status)
                    && IsFinal(batch))
                {
                    return batch;
                }
            }

            return (JsonElement?)null;
        }, $"batch {blob.Name} ({blob.ETag}) {status}");
    }

    /// <summary>Starts a run as of <paramref name="asOf"/> and waits for it to end; returns the run.</summary>
    public async Task<JsonElement> RunAsync(string asOf)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = JsonContent.Create(new { asOf }) };
        request.Headers.Add("x-functions-key", SegmentsHostFactory.AdminKey);
        using var response = await Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        return await WaitForRunAsync(location);
    }

    /// <summary>
    /// Waits until the run at <paramref name="location"/> has succeeded or failed and its record is final: a
    /// run is marked succeeded when its generation goes live, and gets its end time, usage and cost a moment later.
    /// A 503 is asked again, as a client would: the API answers it when storage, busy with the run, did not answer in time.
    /// </summary>
    public Task<JsonElement> WaitForRunAsync(string location) =>
        PollAsync(async () =>
        {
            using var response = await Http.GetAsync(location);
            if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable)
            {
                return null;
            }

            response.EnsureSuccessStatusCode();
            var run = await response.Content.ReadFromJsonAsync<JsonElement>();
            return run.GetProperty("status").GetString() is "succeeded" or "failed" && run.GetProperty("finishedAt").ValueKind != JsonValueKind.Null
                ? run
                : (JsonElement?)null;
        }, $"run {location}");

    private static HttpClient KeyedClient(SegmentsHostFactory factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", SegmentsHostFactory.FunctionKey);
        return client;
    }

    // The outcome is saved first and its cost a moment later (the cost covers the outcome's own write);
    // failed attempts are not priced.
    private static bool IsFinal(JsonElement batch) =>
        batch.GetProperty("status").GetString() is "failed" or "poison"
        || (batch.TryGetProperty("costUsd", out var cost) && cost.ValueKind != JsonValueKind.Null);

    private static async Task<JsonElement> PollAsync(Func<Task<JsonElement?>> probe, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Gave up waiting for {what} after {Patience.TotalSeconds} s.");
    }
}
