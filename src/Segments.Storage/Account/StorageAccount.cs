using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Segments.Core.Cost;
using Segments.Storage.Metering;

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
        var (blobOptions, tableOptions, queueOptions) = Options();
        return new StorageAccount(
            new BlobServiceClient(connectionString, blobOptions),
            new TableServiceClient(connectionString, tableOptions),
            new QueueServiceClient(connectionString, queueOptions));
    }

    /// <summary>
    /// Clients for the three service endpoints of an account, authenticated with Microsoft Entra ID tokens
    /// from <paramref name="credential"/> (a managed identity in Azure): no account key involved, so this
    /// works on accounts with shared-key access disabled.
    /// </summary>
    public static StorageAccount Connect(StorageServiceUris endpoints, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(credential);
        var (blobOptions, tableOptions, queueOptions) = Options();
        return new StorageAccount(
            new BlobServiceClient(endpoints.Blob, credential, blobOptions),
            new TableServiceClient(endpoints.Table, credential, tableOptions),
            new QueueServiceClient(endpoints.Queue, credential, queueOptions));
    }

    /// <summary>
    /// Creates every container, table and queue that is missing. Fails fast with
    /// <see cref="StorageUnavailableException"/> when the account cannot be reached at all, when no token
    /// can be had for it, or when it refuses the identity.
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
                await TableCreation.CreateIfMissingAsync(Tables.GetTableClient(table), cancellationToken).ConfigureAwait(false);
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
        catch (AuthenticationFailedException ex)
        {
            throw new StorageUnavailableException(
                $"Cannot get a Microsoft Entra token for Azure Storage at {Blobs.Uri.GetLeftPart(UriPartial.Authority)}: {FirstLine(ex)}. "
                + "In Azure, check AzureWebJobsStorage__credential and AzureWebJobsStorage__clientId (the app's user-assigned identity); "
                + "locally, sign in with 'az login' or use a connection string.", ex);
        }
        catch (RequestFailedException ex) when (ex.Status == 403)
        {
            // New role assignments take a few minutes to reach the data plane.
            throw new StorageUnavailableException(
                $"Azure Storage at {Blobs.Uri.GetLeftPart(UriPartial.Authority)} refused the identity ({ex.ErrorCode}): {FirstLine(ex)}. "
                + "It needs Storage Blob Data Owner, Storage Queue Data Contributor and Storage Table Data Contributor on the account.", ex);
        }
    }

    // Queue messages are Base64, as the Functions queue trigger decodes them by default (host.json says so too).
    private static (BlobClientOptions Blob, TableClientOptions Table, QueueClientOptions Queue) Options()
    {
        var blobOptions = new BlobClientOptions();
        var tableOptions = new TableClientOptions();
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        Configure(blobOptions, StorageService.Blob);
        Configure(tableOptions, StorageService.Table);
        Configure(queueOptions, StorageService.Queue);
        return (blobOptions, tableOptions, queueOptions);
    }

    // Few, quick retries: the local emulator answers at once or not at all, and a pipeline
    // stage that has to wait is better told so than left hanging for a minute; inside a
    // StorageDeadline (an HTTP request) no attempt outlasts the request's budget. Every attempt is
    // counted for the cost of the run or batch that sent it (per retry: each attempt is billed).
    private static void Configure(ClientOptions options, StorageService service)
    {
        options.RetryPolicy = new DeadlineRetryPolicy(maxRetries: 3, delay: TimeSpan.FromMilliseconds(200), maxDelay: TimeSpan.FromSeconds(2));
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        options.AddPolicy(new StorageMeteringPolicy(service), HttpPipelinePosition.PerRetry);
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
