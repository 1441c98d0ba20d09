namespace Segments.Storage.Account;

/// <summary>
/// The blob, queue and table endpoints of one storage account, as identity-based connections name them
/// (<c>AzureWebJobsStorage__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__tableServiceUri</c>).
/// </summary>
public sealed record StorageServiceUris(Uri Blob, Uri Queue, Uri Table)
{
    /// <summary>DNS suffix of the public Azure cloud's storage endpoints.</summary>
    public const string PublicCloudSuffix = "core.windows.net";

    /// <summary>
    /// The endpoints of account <paramref name="accountName"/> in the public cloud, as the Functions host
    /// derives them from <c>AzureWebJobsStorage__accountName</c> (sovereign clouds and custom domains need
    /// the three URIs instead).
    /// </summary>
    public static StorageServiceUris ForAccount(string accountName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        return new StorageServiceUris(Endpoint(accountName, "blob"), Endpoint(accountName, "queue"), Endpoint(accountName, "table"));
    }

    /// <summary>The endpoint of one service of account <paramref name="accountName"/> in the public cloud.</summary>
    public static Uri Endpoint(string accountName, string service) => new($"https://{accountName}.{service}.{PublicCloudSuffix}/");
}
