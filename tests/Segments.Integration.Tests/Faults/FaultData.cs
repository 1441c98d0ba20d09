using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Integration.Tests.Faults;

/// <summary>Exports fault tests drop, as a shop's export job does.</summary>
public static class FaultData
{
    /// <summary>The as-of date of the sample and the full Online Retail file: the day after their last invoice.</summary>
    public const string AsOf = "2011-12-10";

    /// <summary>A customer of the sample (and of the full file).</summary>
    public const string CustomerId = "12662";

    /// <summary>Uploads a file into <c>transactions</c>.</summary>
    public static async Task UploadAsync(string connectionString, string blobName, string path)
    {
        var storage = StorageAccount.Connect(connectionString);
        await storage.EnsureReadyAsync(CancellationToken.None);
        await using var stream = File.OpenRead(path);
        await new DropZone(storage).UploadAsync(blobName, stream, CancellationToken.None);
    }

    /// <summary>Uploads the bundled sample.</summary>
    public static Task UploadSampleAsync(string connectionString, string blobName) => UploadAsync(connectionString, blobName, RepositoryPaths.Sample);
}
