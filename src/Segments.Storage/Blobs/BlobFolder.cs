using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Segments.Storage.Blobs;

/// <summary>
/// Deletes the blobs under a name prefix, several requests at a time. A run removes hundreds of small blobs (its
/// passes' work blobs, a dropped generation's recommendation buckets, the state files a merge replaced); one after
/// the other each waits out a round trip, which at Azure's few milliseconds each is seconds a run.
/// </summary>
public static class BlobFolder
{
    /// <summary>How many deletes are in flight at once.</summary>
    public const int ConcurrentDeletes = 8;

    /// <summary>
    /// Deletes every blob under <paramref name="prefix"/> for which <paramref name="remove"/> is true (every one when
    /// it is null); returns how many. A container that is not there holds nothing to delete.
    /// </summary>
    public static async Task<int> DeleteAsync(BlobContainerClient container, string prefix, Func<string, bool>? remove, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(prefix);
        var removed = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ConcurrentDeletes, CancellationToken = cancellationToken };
        try
        {
            await Parallel.ForEachAsync(container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken), parallel, async (blob, ct) =>
            {
                if (remove is null || remove(blob.Name))
                {
                    await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: ct).ConfigureAwait(false);
                    Interlocked.Increment(ref removed);
                }
            }).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // Listed before anything of the prefix was written: nothing to delete.
        }

        return removed;
    }
}
