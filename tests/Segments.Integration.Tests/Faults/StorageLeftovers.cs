using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Segments.Storage.Account;

namespace Segments.Integration.Tests.Faults;

/// <summary>What runs and ingests left in storage, as an operator listing the account sees it.</summary>
public static class StorageLeftovers
{
    /// <summary>Every generation table (<c>Rfm*</c>).</summary>
    public static async Task<IReadOnlyList<string>> GenerationTablesAsync(string connectionString)
    {
        var names = new List<string>();
        await foreach (var table in new TableServiceClient(connectionString).QueryAsync())
        {
            if (table.Name.StartsWith("Rfm", StringComparison.Ordinal))
            {
                names.Add(table.Name);
            }
        }

        return names;
    }

    /// <summary>
    /// Whether a normalised batch is being written: a blob of the <c>normalized</c> container that has staged
    /// blocks and no committed content yet (the ingest writes it in 4 MB blocks and commits them at its end).
    /// </summary>
    public static async Task<bool> NormalizedWriteUnderWayAsync(string connectionString)
    {
        var container = new BlobServiceClient(connectionString).GetBlobContainerClient(StorageNames.NormalizedContainer);
        if (!await container.ExistsAsync())
        {
            return false;
        }

        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.Uncommitted, prefix: null, cancellationToken: default))
        {
            if (blob.Properties.ContentLength is null or 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every blob of the <c>normalized</c> container (normalised batches and segment profiles).</summary>
    public static async Task<IReadOnlyList<string>> NormalizedBlobsAsync(string connectionString)
    {
        var container = new BlobServiceClient(connectionString).GetBlobContainerClient(StorageNames.NormalizedContainer);
        var names = new List<string>();
        if (!await container.ExistsAsync())
        {
            return names;
        }

        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: null, cancellationToken: default))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>
    /// Every blob of runs' work: the blobs of each <c>runwork-*</c> container (<see cref="Segments.Pipeline.Scale.RunWorkBlobs"/>),
    /// as <c>container/blob</c>, and an empty container's name alone (a run removes its container, not only the blobs).
    /// </summary>
    public static async Task<IReadOnlyList<string>> RunWorkAsync(string connectionString)
    {
        var service = new BlobServiceClient(connectionString);
        var found = new List<string>();
        foreach (var container in await ContainersAsync(connectionString, Segments.Pipeline.Scale.RunWorkBlobs.ContainerPrefix))
        {
            var before = found.Count;
            await foreach (var blob in service.GetBlobContainerClient(container).GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: null, cancellationToken: default))
            {
                found.Add($"{container}/{blob.Name}");
            }

            if (found.Count == before)
            {
                found.Add(container);
            }
        }

        return found;
    }

    /// <summary>The names of the account's containers that start with <paramref name="prefix"/>.</summary>
    public static async Task<IReadOnlyList<string>> ContainersAsync(string connectionString, string prefix)
    {
        var names = new List<string>();
        await foreach (var container in new BlobServiceClient(connectionString).GetBlobContainersAsync(prefix: prefix))
        {
            names.Add(container.Name);
        }

        return names;
    }

    /// <summary>The generation table name of a run (as the pipeline names it).</summary>
    public static string TableOf(string runId) => Segments.Storage.Generations.GenerationStore.TableNameFor(runId);

    /// <summary>The segment profiles blob of a run.</summary>
    public static string ProfilesOf(string runId) => Segments.Storage.Blobs.SegmentProfileStore.BlobNameFor(runId);
}
