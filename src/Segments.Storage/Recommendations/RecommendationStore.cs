using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Segments.Core.Recommendations;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Storage.Recommendations;

/// <summary>
/// Each run's recommendations: one JSON blob per run, <c>recommendations/{runId}.json</c> in the <c>normalized</c>
/// container, as segment profiles are. A blob rather than a column of the generation table: the lists are read
/// per customer but also per segment, and a run writes them in one request instead of one per customer row.
/// A run scored bucket by bucket keeps its customers' lists in one blob per customer bucket, <c>bucket=NNNN.json</c>,
/// in a container of the run's own (<see cref="BucketContainerOf"/>), so that neither the run nor a lookup holds
/// everyone's, and dropping the run's lists is one request (<see cref="RunContainers"/>). Runs written before that
/// kept the bucket blobs under <c>recommendations/{runId}/</c> in <c>normalized</c>; they are still read and removed.
/// </summary>
public sealed class RecommendationStore(StorageAccount account)
{
    /// <summary>Folder of the blobs.</summary>
    public const string Prefix = "recommendations/";

    /// <summary>What the name of every run's container of bucket lists starts with (and nothing else's).</summary>
    public const string BucketContainerPrefix = "recommendations-";

    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(StorageNames.NormalizedContainer);

    private readonly RunContainers _lists = new(account, BucketContainerPrefix);

    private readonly RunJsonBlobs _blobs = new(
        account.Blobs.GetBlobContainerClient(StorageNames.NormalizedContainer), Prefix, StorageWebJsonContext.Default);

    /// <summary>The blob name of a run's recommendations.</summary>
    public static string BlobNameFor(string runId) => RunJsonBlobs.BlobNameFor(Prefix, runId);

    /// <summary>The container of a run's bucket lists: <see cref="BucketContainerPrefix"/> and the run id's letters (lower case) and digits.</summary>
    public static string BucketContainerOf(string runId) => RunContainers.NameOf(BucketContainerPrefix, runId);

    /// <summary>The blob name, in the run's container (<see cref="BucketContainerOf"/>), of one customer bucket's lists.</summary>
    public static string BucketBlobNameFor(int bucket) => string.Create(CultureInfo.InvariantCulture, $"bucket={bucket:D4}.json");

    // Where runs written before the bucket containers kept a bucket's lists, in the normalized container.
    private static string LegacyBucketBlobNameFor(string runId, int bucket) => $"{LegacyBucketFolderOf(runId)}{BucketBlobNameFor(bucket)}";

    private static string LegacyBucketFolderOf(string runId) => $"{Prefix}{runId}/";

    /// <summary>Writes (replaces) a run's recommendations; returns the blob name.</summary>
    public Task<string> WriteAsync(RecommendationSet set, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        return _blobs.WriteAsync(set.RunId, set, cancellationToken);
    }

    /// <summary>Writes (replaces) one customer bucket's lists of a run, creating the run's container with its first; returns <c>container/blob</c>.</summary>
    public async Task<string> WriteBucketAsync(string runId, int bucket, IReadOnlyDictionary<string, CustomerRecommendations> customers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var blob = BucketBlobNameFor(bucket);
        var content = BinaryData.FromObjectAsJson(new Dictionary<string, CustomerRecommendations>(customers, StringComparer.Ordinal), StorageWebJsonContext.Default.DictionaryStringCustomerRecommendations);
        await _lists.UploadAsync(runId, blob, content, cancellationToken).ConfigureAwait(false);
        return $"{BucketContainerOf(runId)}/{blob}";
    }

    /// <summary>A run's recommendations, or null when it has none (a run from before recommendations, or dropped).</summary>
    public Task<RecommendationSet?> ReadAsync(string runId, CancellationToken cancellationToken) => _blobs.ReadAsync<RecommendationSet>(runId, cancellationToken);

    /// <summary>One customer bucket's lists of a run scored bucket by bucket; empty when the bucket had no customers.</summary>
    public async Task<IReadOnlyDictionary<string, CustomerRecommendations>> ReadBucketAsync(string runId, int bucket, CancellationToken cancellationToken)
    {
        var blob = _lists.ContainerOf(runId).GetBlobClient(BucketBlobNameFor(bucket));
        try
        {
            return await ReadListsAsync(blob, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // Every bucket of a run writes its blob, so no container means a run from before the containers.
            return await ReadListsAsync(_container.GetBlobClient(LegacyBucketBlobNameFor(runId, bucket)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The run ids that have a recommendations document, or bucket blobs in the old folder, so leftovers of runs that
    /// never went live can be found (for their bucket containers, see <see cref="DeleteBucketContainersExceptAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<string>> ListRunIdsAsync(CancellationToken cancellationToken)
    {
        var runIds = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, Prefix, cancellationToken).ConfigureAwait(false))
        {
            var rest = blob.Name[Prefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0)
            {
                runIds.Add(rest[..slash]);
            }
            else if (rest.EndsWith(".json", StringComparison.Ordinal))
            {
                runIds.Add(rest[..^".json".Length]);
            }
        }

        return runIds.ToList();
    }

    /// <summary>
    /// Deletes every container of bucket lists but those of <paramref name="keptRunIds"/>; returns the names deleted.
    /// A container's name keeps only its run id's letters and digits, so it is matched through <see cref="BucketContainerOf"/>.
    /// </summary>
    public async Task<IReadOnlyList<string>> DeleteBucketContainersExceptAsync(IEnumerable<string> keptRunIds, CancellationToken cancellationToken)
    {
        var kept = keptRunIds.Select(BucketContainerOf).ToHashSet(StringComparer.Ordinal);
        var deleted = new List<string>();
        foreach (var container in (await _lists.ListAsync(cancellationToken).ConfigureAwait(false)).Where(c => !kept.Contains(c)))
        {
            if (await _lists.DeleteContainerAsync(container, cancellationToken).ConfigureAwait(false))
            {
                deleted.Add(container);
            }
        }

        return deleted;
    }

    /// <summary>Deletes a run's recommendations if present: its document and its bucket lists (its container, or its old folder).</summary>
    public async Task DeleteAsync(string runId, CancellationToken cancellationToken)
    {
        await _blobs.DeleteAsync(runId, cancellationToken).ConfigureAwait(false);
        await _lists.DeleteAsync(runId, cancellationToken).ConfigureAwait(false);
        await BlobFolder.DeleteAsync(_container, LegacyBucketFolderOf(runId), remove: null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyDictionary<string, CustomerRecommendations>> ReadListsAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToObjectFromJson(StorageWebJsonContext.Default.DictionaryStringCustomerRecommendations)
                ?? throw new InvalidDataException($"{blob.BlobContainerName}/{blob.Name} holds no lists");
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            return new Dictionary<string, CustomerRecommendations>(StringComparer.Ordinal);
        }
    }
}
