using System.Reflection;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;

namespace Segments.Integration.Tests.Functions;

/// <summary>
/// The Functions app's worker process at start-up, run without the Functions runtime: what it does before it
/// connects to the runtime (settings checks, storage set-up) is what the local host does before it serves.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionsStartTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Schedule = "0 0 2 * * *";

    private static string Worker
    {
        get
        {
            var configuration = typeof(FunctionsStartTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            return Path.Combine(RepositoryPaths.Root, "src", "Segments.Functions", "bin", configuration, "net10.0", "Segments.Functions.dll");
        }
    }

    public Task InitializeAsync() => azurite.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Worker_with_a_five_field_schedule_stops_with_the_local_hosts_one_line_message()
    {
        var worker = await ChildProcess.RunAsync(Worker, [], Settings(("Segments__Schedule", "0 2 * * *")));

        Assert.Equal(1, worker.ExitCode);
        Assert.Equal(
            "Segments host cannot start: Schedule '0 2 * * *' has 5 fields; Azure Functions timers take six: second minute hour day month day-of-week (e.g. '0 0 2 * * *'). (setting Segments:Schedule)",
            worker.Stderr.Trim());
    }

    [Fact]
    public async Task Worker_without_a_schedule_names_the_setting_the_timer_needs()
    {
        var worker = await ChildProcess.RunAsync(Worker, [], new Dictionary<string, string> { ["AzureWebJobsStorage"] = azurite.ConnectionString });

        Assert.Equal(1, worker.ExitCode);
        Assert.StartsWith("Segments host cannot start: Setting Segments:Schedule is missing (Segments__Schedule)", worker.Stderr.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_with_no_instance_memory_stops_with_the_local_hosts_one_line_message()
    {
        var worker = await ChildProcess.RunAsync(Worker, [], Settings(("Segments__Schedule", Schedule), ("Segments__InstanceMemoryMb", "0")));

        Assert.Equal(1, worker.ExitCode);
        Assert.Equal("Segments host cannot start: Segments:InstanceMemoryMb is 0; give the app's instance memory in MB (512, 2048 or 4096).", worker.Stderr.Trim());
    }

    [Fact]
    public async Task Worker_without_reachable_storage_says_so_in_one_line_and_exits_1()
    {
        var port = LoopbackPort.Free();
        var storage =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

        var worker = await ChildProcess.RunAsync(Worker, [], new Dictionary<string, string> { ["AzureWebJobsStorage"] = storage, ["Segments__Schedule"] = Schedule });

        Assert.Equal(1, worker.ExitCode);
        Assert.StartsWith("Segments host cannot start: Cannot reach Azure Storage at http://127.0.0.1:" + port, worker.Stderr.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", worker.Stderr + worker.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_creates_every_container_table_and_queue_on_a_fresh_account_before_it_connects_to_the_runtime()
    {
        // No runtime is there to connect to, so the worker stops after its start-up work; the account shows that work.
        await ChildProcess.RunAsync(Worker, [], Settings(("Segments__Schedule", Schedule)));

        var containers = new List<string>();
        await foreach (var container in new BlobServiceClient(azurite.ConnectionString).GetBlobContainersAsync())
        {
            containers.Add(container.Name);
        }

        var tables = new List<string>();
        await foreach (var table in new TableServiceClient(azurite.ConnectionString).QueryAsync())
        {
            tables.Add(table.Name);
        }

        var queues = new List<string>();
        await foreach (var queue in new QueueServiceClient(azurite.ConnectionString).GetQueuesAsync())
        {
            queues.Add(queue.Name);
        }

        Assert.Equal(StorageNames.Containers.Order(), containers.Order());
        Assert.Equal(StorageNames.Tables.Order(), tables.Order());
        Assert.Equal(StorageNames.Queues.Order(), queues.Order());
    }

    private Dictionary<string, string> Settings(params (string Name, string Value)[] settings)
    {
        var environment = new Dictionary<string, string> { ["AzureWebJobsStorage"] = azurite.ConnectionString };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        return environment;
    }
}
