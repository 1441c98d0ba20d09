using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Segments.Integration.Tests.Fixtures;

/// <summary>
/// A real Azurite process, started by the test run on free loopback ports with in-memory storage, shared
/// by the tests of one collection and stopped at its end.
/// </summary>
public class AzuriteFixture : IAsyncLifetime
{
    // Azurite's published development account; not a secret.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    // How long an Azurite with its data on disk may take to write it out and exit before it is killed.
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(30);

    private readonly string? _debugLogPath;
    private readonly string? _dataLocation;
    private RunningProcess? _process;
    private (int Blob, int Queue, int Table) _ports;

    /// <summary>An Azurite without a debug log, as most tests want it (the log costs time on every request).</summary>
    public AzuriteFixture()
    {
    }

    /// <summary>An Azurite that writes its debug log (a line per request and per step of it) to <paramref name="debugLogPath"/>.</summary>
    protected AzuriteFixture(string debugLogPath)
    {
        _debugLogPath = debugLogPath;
    }

    /// <summary>
    /// An Azurite that keeps its data in <paramref name="dataLocation"/> (not in memory), so that it survives
    /// <see cref="StopAsync"/> and <see cref="StartAsync"/>: for tests of a storage outage.
    /// </summary>
    protected AzuriteFixture(string? debugLogPath, string dataLocation)
    {
        _debugLogPath = debugLogPath;
        _dataLocation = dataLocation;
    }

    /// <summary>Connection string for this instance.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Where the debug log goes, when this Azurite writes one.</summary>
    public string? DebugLogPath => _debugLogPath;

    /// <summary>Blob port, for tests that check the emulator's answers directly.</summary>
    public int BlobPort { get; private set; }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (!File.Exists(RepositoryPaths.Azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {RepositoryPaths.Azurite}: run 'npm ci' at the repository root (scripts/test.sh does).");
        }

        _ports = (LoopbackPort.Free(), LoopbackPort.Free(), LoopbackPort.Free());
        var (blob, queue, table) = _ports;
        BlobPort = blob;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
        await StartAsync();
    }

    /// <summary>
    /// Stops the Azurite process, as an outage would (the ports stop answering). An Azurite with its data on disk
    /// is asked to stop (SIGTERM) so that it writes what it holds, as a storage service keeps what it acknowledged;
    /// killed outright, it loses its last seconds of writes.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (_dataLocation is not null)
        {
            await _process.StopAsync(StopPatience);
        }
        else
        {
            await _process.DisposeAsync();
        }

        _process = null;
    }

    /// <summary>Starts Azurite (again) on the same ports and waits until it listens.</summary>
    public async Task StartAsync()
    {
        var (blob, queue, table) = _ports;
        var start = new ProcessStartInfo(RepositoryPaths.Azurite)
        {
            ArgumentList =
            {
                "--disableTelemetry", "--skipApiVersionCheck", "--loose",
                "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", table.ToString(CultureInfo.InvariantCulture),
            },
        };
        if (_dataLocation is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(_dataLocation);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(_dataLocation);
        }

        if (_debugLogPath is not null)
        {
            start.ArgumentList.Add("--debug");
            start.ArgumentList.Add(_debugLogPath);
        }

        _process = RunningProcess.Start("Azurite", start);
        await _process.WaitUntilListeningAsync(StartTimeout, blob, queue, table);
    }

    /// <summary>
    /// Gives the next test an empty account. An in-memory Azurite without a debug log is restarted on the same ports:
    /// deleting what earlier tests wrote is what made a long run slow, as Azurite 3.35 removes every deleted blob's
    /// extents one at a time from a LokiJS collection and re-sorts its index on each removal, so the cost of a delete
    /// grows with every extent the run ever wrote (a CI run stalled for minutes with Azurite at 100% CPU in
    /// <c>Collection.ensureIndex</c>, and requests timed out). A restart takes about 0.7 s. An Azurite that keeps its
    /// data on disk, or writes a debug log the tests read, is emptied by deleting every container, table and queue.
    /// </summary>
    public async Task ResetAsync()
    {
        if (_dataLocation is null && _debugLogPath is null)
        {
            await StopAsync();
            await StartAsync();
            return;
        }

        var blobs = new BlobServiceClient(ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            await blobs.DeleteBlobContainerAsync(container.Name);
        }

        var tables = new TableServiceClient(ConnectionString);
        await foreach (var table in tables.QueryAsync())
        {
            await tables.DeleteTableAsync(table.Name);
        }

        var queues = new QueueServiceClient(ConnectionString);
        await foreach (var queue in queues.GetQueuesAsync())
        {
            await queues.DeleteQueueAsync(queue.Name);
        }
    }

    /// <inheritdoc />
    public virtual Task DisposeAsync() => StopAsync();
}

/// <summary>Tests in this collection share one Azurite process and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Azurite";
}
