using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Functions.Tests.Fixtures;

/// <summary>
/// Each test starts from an empty storage account (containers, tables and queues created, as infra/ creates them
/// in Azure) and a freshly built Functions app on the collection's Azurite, whose log lines it keeps.
/// </summary>
[Collection(AzuriteCollection.Name)]
public abstract class FunctionsTestBase(AzuriteFixture azurite) : IAsyncLifetime
{
    /// <summary>The collection's Azurite.</summary>
    protected AzuriteFixture Azurite { get; } = azurite;

    /// <summary>The app under test.</summary>
    protected FunctionsApp App { get; private set; } = null!;

    /// <summary>Invokes the app's functions.</summary>
    protected FunctionInvoker Invoker { get; private set; } = null!;

    /// <summary>The app's log lines.</summary>
    protected CapturedLogs Logs { get; } = new();

    /// <summary>Storage, as a shop's export job or an operator sees it.</summary>
    protected StorageAccount Storage { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Azurite.ResetAsync();
        Storage = StorageAccount.Connect(Azurite.ConnectionString);
        await Storage.EnsureReadyAsync(CancellationToken.None);
        App = new FunctionsApp(Azurite.ConnectionString, Logs);
        Invoker = new FunctionInvoker(App.Services);
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        App?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Uploads <paramref name="content"/> into <paramref name="container"/> and returns the client the blob trigger would bind.</summary>
    protected async Task<(BlobClient Client, DroppedBlob Blob)> UploadAsync(string container, string name, byte[] content)
    {
        using var stream = new MemoryStream(content);
        var blob = await new DropZone(Storage, container).UploadAsync(name, stream, CancellationToken.None);
        return (new BlobClient(Azurite.ConnectionString, container, name), blob);
    }

    /// <summary>Uploads the bundled sample export into <c>transactions</c> and ingests it with <c>IngestBatch</c>.</summary>
    protected async Task<DroppedBlob> IngestSampleAsync(string name = "online-retail-sample.csv")
    {
        var (client, blob) = await UploadAsync(StorageNames.TransactionsContainer, name, await File.ReadAllBytesAsync(RepositoryPaths.Sample));
        await Invoker.InvokeAsync(FunctionMethod.Named("IngestBatch"), client, new Dictionary<string, string> { ["name"] = name });
        return blob;
    }

    /// <summary>Uploads the bundled customer export into <c>customers</c> and ingests it with <c>IngestProfiles</c>.</summary>
    protected async Task<DroppedBlob> IngestCustomersSampleAsync(string name = "customers-sample.csv")
    {
        var (client, blob) = await UploadAsync(StorageNames.CustomersContainer, name, await File.ReadAllBytesAsync(RepositoryPaths.CustomersSample));
        await Invoker.InvokeAsync(FunctionMethod.Named("IngestProfiles"), client, new Dictionary<string, string> { ["name"] = name });
        return blob;
    }

    /// <summary>Uploads the bundled behaviour events into <c>events</c> and ingests them with <c>IngestEvents</c>.</summary>
    protected async Task<DroppedBlob> IngestEventsSampleAsync(string name = "events-sample.jsonl")
    {
        var (client, blob) = await UploadAsync(StorageNames.EventsContainer, name, await File.ReadAllBytesAsync(RepositoryPaths.EventsSample));
        await Invoker.InvokeAsync(FunctionMethod.Named("IngestEvents"), client, new Dictionary<string, string> { ["name"] = name });
        return blob;
    }

    /// <summary>
    /// What the runtime passes the timer function for the occurrence <paramref name="occurrence"/>: while the
    /// function runs, the schedule status's <c>Next</c> is the occurrence being fired.
    /// </summary>
    protected static TimerInfo TimerFiring(DateTime occurrence) =>
        new() { ScheduleStatus = new ScheduleStatus { Last = occurrence.AddDays(-1), Next = occurrence, LastUpdated = occurrence.AddDays(-1) } };

    /// <summary>The raw messages on the run queue, decoded from Base64 as the queue trigger decodes them (peeked, not taken).</summary>
    protected async Task<IReadOnlyList<string>> QueuedRunMessagesAsync()
    {
        var raw = new Azure.Storage.Queues.QueueClient(Azurite.ConnectionString, StorageNames.RunRequestsQueue);
        var peeked = (await raw.PeekMessagesAsync(maxMessages: 32)).Value;
        return peeked.Select(m => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(m.Body.ToString()))).ToList();
    }

    /// <summary>The log lines (of any category) written while <paramref name="action"/> ran.</summary>
    protected async Task<IReadOnlyList<string>> LinesDuringAsync(Func<Task> action)
    {
        var before = Logs.Lines.Count;
        await action();
        return Logs.Lines.Skip(before).ToList();
    }

    /// <summary>The log lines a function class wrote (its logger's category is the class's full name).</summary>
    protected IReadOnlyList<string> LinesOf(FunctionMethod function) =>
        Logs.Lines.Where(line => line.Contains($" {function.Class.FullName}: ", StringComparison.Ordinal)).ToList();
}
