using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Segments.Integration.Tests.Fixtures;

/// <summary>
/// The real Azure Functions runtime (<see cref="FunctionsRuntimeFolder"/>) running a published app on a loopback
/// port, as <c>func start</c> or Azure would: real trigger bindings, worker channel, routing and key checks. Keys
/// are the runtime's own, read from its secrets file; the process and its worker are killed on dispose.
/// </summary>
public sealed class FunctionsHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly RunningProcess _process;
    private readonly string _secretsFolder;

    private FunctionsHostProcess(RunningProcess process, Uri baseAddress, string secretsFolder)
    {
        _process = process;
        BaseAddress = baseAddress;
        _secretsFolder = secretsFolder;
    }

    /// <summary>Where the runtime listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>From process start to the first 200 of <c>GET /api/health</c>.</summary>
    public TimeSpan StartDuration { get; private set; }

    /// <summary>The master (admin) key.</summary>
    public string MasterKey { get; private set; } = string.Empty;

    /// <summary>The default function key.</summary>
    public string FunctionKey { get; private set; } = string.Empty;

    /// <summary>The last lines the runtime and its worker wrote, for failure messages.</summary>
    public string Output => _process.Tail;

    /// <summary>Whether the runtime or its worker wrote a line containing <paramref name="text"/>.</summary>
    public bool Logged(string text) => _process.Logged(text);

    /// <summary>
    /// Starts <c>run-host.sh <paramref name="appFolder"/> PORT <paramref name="settingsJson"/></c> with
    /// <c>AzureWebJobsStorage</c> set to <paramref name="storageConnectionString"/>, waits until <c>/api/health</c>
    /// answers 200, and reads the keys the runtime creates. <paramref name="workFolder"/> receives the runtime's
    /// writable copy and its secrets.
    /// </summary>
    public static async Task<FunctionsHostProcess> StartAsync(string appFolder, string settingsJson, string storageConnectionString, string workFolder)
    {
        var port = LoopbackPort.Free();
        var secrets = Path.Combine(workFolder, "secrets-" + port.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(secrets);
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { FunctionsRuntimeFolder.RunHost, appFolder, port.ToString(CultureInfo.InvariantCulture), settingsJson },
        };
        start.Environment["AzureWebJobsStorage"] = storageConnectionString;
        start.Environment["FUNCTIONS_HOST_WORKDIR"] = Path.Combine(workFolder, "runtime");
        start.Environment["FUNCTIONS_SECRETS_PATH"] = secrets;

        var clock = Stopwatch.StartNew();
        var host = new FunctionsHostProcess(RunningProcess.Start("The Functions runtime", start), new Uri($"http://127.0.0.1:{port}/"), secrets);
        try
        {
            await host.WaitUntilHealthyAsync();
            host.StartDuration = clock.Elapsed;
            await host.ReadKeysAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>An HTTP client for the runtime; <paramref name="key"/>, when given, goes in <c>x-functions-key</c>.</summary>
    public HttpClient CreateClient(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = RequestTimeout };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        return client;
    }

    /// <summary>
    /// Delivers what Event Grid delivers in Azure when a blob is created: creates the blob extension's system key
    /// with the master key, then posts a <c>Microsoft.Storage.BlobCreated</c> event for <paramref name="blobUri"/>
    /// to the runtime's blob webhook for <paramref name="functionName"/>. Returns the webhook's status (202: the function runs).
    /// </summary>
    public async Task<HttpStatusCode> DeliverBlobCreatedAsync(string functionName, Uri blobUri)
    {
        using var admin = CreateClient(MasterKey);
        using var keyResponse = await admin.PostAsync("admin/host/systemkeys/blobs_extension", content: null);
        Assert.True(keyResponse.IsSuccessStatusCode, $"creating the blobs_extension system key answered {(int)keyResponse.StatusCode}:\n{Output}");
        var systemKey = (await keyResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString();

        var segments = blobUri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var container = segments[1];
        var blobName = string.Join('/', segments.Skip(2));
        var notification = new[]
        {
            new
            {
                id = Guid.NewGuid().ToString(),
                topic = $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/segments/providers/Microsoft.Storage/storageAccounts/{segments[0]}",
                subject = $"/blobServices/default/containers/{container}/blobs/{blobName}",
                eventType = "Microsoft.Storage.BlobCreated",
                eventTime = DateTimeOffset.UtcNow,
                dataVersion = string.Empty,
                metadataVersion = "1",
                data = new { api = "PutBlob", url = blobUri.ToString(), blobType = "BlockBlob" },
            },
        };
        using var anonymous = CreateClient(key: null);
        using var request = new HttpRequestMessage(
            HttpMethod.Post,
            $"runtime/webhooks/blobs?functionName=Host.Functions.{functionName}&code={Uri.EscapeDataString(systemKey!)}")
        {
            Content = JsonContent.Create(notification),
        };
        request.Headers.Add("aeg-event-type", "Notification");
        using var response = await anonymous.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Kills the runtime and its worker: run-host.sh execs the runtime, which starts the worker, so one process tree is both.</summary>
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitUntilHealthyAsync()
    {
        using var client = CreateClient(key: null);
        client.Timeout = TimeSpan.FromSeconds(10);
        await _process.WaitUntilAnswersAsync(client, "api/health", status => status == HttpStatusCode.OK, StartTimeout);
    }

    /// <summary>The runtime writes its keys the first time a request presents one: present one, then read them.</summary>
    private async Task ReadKeysAsync()
    {
        using (var client = CreateClient(key: null))
        {
            using var bootstrap = await client.GetAsync("admin/host/status?code=bootstrap");
        }

        var file = Path.Combine(_secretsFolder, "host.json");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (File.Exists(file))
            {
                try
                {
                    using var secrets = JsonDocument.Parse(await File.ReadAllTextAsync(file));
                    MasterKey = secrets.RootElement.GetProperty("masterKey").GetProperty("value").GetString()!;
                    FunctionKey = secrets.RootElement.GetProperty("functionKeys")[0].GetProperty("value").GetString()!;
                    return;
                }
                catch (Exception ex) when (ex is JsonException or IOException)
                {
                    // Still being written.
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The Functions runtime wrote no keys to {file} within 30 s:\n{Output}");
    }
}
