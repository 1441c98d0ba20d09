using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Segments.Storage.Account;

/// <summary>
/// The long-lived, thread-safe service clients for one storage account (one instance per process, as the
/// Azure SDK guidelines ask).
/// </summary>
public sealed class StorageAccount
{
    private StorageAccount(BlobServiceClient blobs, TableServiceClient tables, QueueServiceClient queues)
    {
        Blobs = blobs;
        Tables = tables;
        Queues = queues;
    }

    /// <summary>Blob service.</summary>
    public BlobServiceClient Blobs { get; }

    /// <summary>Table service.</summary>
    public TableServiceClient Tables { get; }

    /// <summary>Queue service.</summary>
    public QueueServiceClient Queues { get; }

    /// <summary>Clients for a connection string (<c>UseDevelopmentStorage=true</c> means Azurite).</summary>
    public static StorageAccount Connect(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var blobOptions = new BlobClientOptions();
        var tableOptions = new TableClientOptions();
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        Configure(blobOptions);
        Configure(tableOptions);
        Configure(queueOptions);
        return new StorageAccount(
            new BlobServiceClient(connectionString, blobOptions),
            new TableServiceClient(connectionString, tableOptions),
            new QueueServiceClient(connectionString, queueOptions));
    }

    /// <summary>
    /// Creates every container, table and queue that is missing. Fails fast with
    /// <see cref="StorageUnavailableException"/> when the account cannot be reached at all.
    /// </summary>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var container in StorageNames.Containers)
            {
                await Blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            foreach (var table in StorageNames.Tables)
            {
                await Tables.CreateTableIfNotExistsAsync(table, cancellationToken).ConfigureAwait(false);
            }

            foreach (var queue in StorageNames.Queues)
            {
                await Queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is RequestFailedException { Status: 0 } or AggregateException or HttpRequestException)
        {
            throw new StorageUnavailableException(
                $"Cannot reach Azure Storage at {Blobs.Uri.GetLeftPart(UriPartial.Authority)} (blob) / {Tables.Uri.GetLeftPart(UriPartial.Authority)} (table): {FirstLine(ex)}. "
                + "Locally, start Azurite first (see README); in Azure, check the AzureWebJobsStorage settings.", ex);
        }
    }

    // Few, quick retries: the local emulator answers at once or not at all, and a pipeline
    // stage that has to wait is better told so than left hanging for a minute.
    private static void Configure(ClientOptions options)
    {
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }

    private static string FirstLine(Exception ex)
    {
        var innermost = ex;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message.Split('\n')[0].Trim();
    }
}
