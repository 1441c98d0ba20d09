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
/// A run scored bucket by bucket keeps its customers' lists in one blob per customer bucket,
/// <c>recommendations/{runId}/bucket=NNNN.json</c>, so that neither the run nor a lookup holds everyone's.
/// </summary>
public sealed class RecommendationStore(StorageAccount account)
{
    /// <summary>Folder of the blobs.</summary>
    public const string Prefix = "recommendations/";

    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(StorageNames.NormalizedContainer);

    private readonly RunJsonBlobs _blobs = new(
        account.Blobs.GetBlobContainerClient(StorageNames.NormalizedContainer), Prefix, StorageWebJsonContext.Default);

    /// <summary>The blob name of a run's recommendations.</summary>
    public static string BlobNameFor(string runId) => RunJsonBlobs.BlobNameFor(Prefix, runId);

    /// <summary>The blob name of one customer bucket's lists of a run scored bucket by bucket.</summary>
    public static string BucketBlobNameFor(string runId, int bucket) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{runId}/bucket={bucket:D4}.json");

    /// <summary>Writes (replaces) a run's recommendations; returns the blob name.</summary>
    public Task<string> WriteAsync(RecommendationSet set, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        return _blobs.WriteAsync(set.RunId, set, cancellationToken);
    }

    /// <summary>Writes (replaces) one customer bucket's lists of a run; returns the blob name.</summary>
    public async Task<string> WriteBucketAsync(string runId, int bucket, IReadOnlyDictionary<string, CustomerRecommendations> customers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var name = BucketBlobNameFor(runId, bucket);
        await _container.GetBlobClient(name).UploadAsync(BinaryData.FromObjectAsJson(new Dictionary<string, CustomerRecommendations>(customers, StringComparer.Ordinal), StorageWebJsonContext.Default.DictionaryStringCustomerRecommendations), overwrite: true, cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>A run's recommendations, or null when it has none (a run from before recommendations, or dropped).</summary>
    public Task<RecommendationSet?> ReadAsync(string runId, CancellationToken cancellationToken) => _blobs.ReadAsync<RecommendationSet>(runId, cancellationToken);

    /// <summary>One customer bucket's lists of a run scored bucket by bucket; empty when the bucket had no customers.</summary>
    public async Task<IReadOnlyDictionary<string, CustomerRecommendations>> ReadBucketAsync(string runId, int bucket, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _container.GetBlobClient(BucketBlobNameFor(runId, bucket)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToObjectFromJson(StorageWebJsonContext.Default.DictionaryStringCustomerRecommendations)
                ?? throw new InvalidDataException($"{BucketBlobNameFor(runId, bucket)} holds no lists");
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return new Dictionary<string, CustomerRecommendations>(StringComparer.Ordinal);
        }
    }

    /// <summary>The run ids that have recommendations (a document or bucket blobs), so leftovers of runs that never went live can be found.</summary>
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

    /// <summary>Deletes a run's recommendations if present: its document and its bucket blobs.</summary>
    public async Task DeleteAsync(string runId, CancellationToken cancellationToken)
    {
        await _blobs.DeleteAsync(runId, cancellationToken).ConfigureAwait(false);
        await BlobFolder.DeleteAsync(_container, $"{Prefix}{runId}/", remove: null, cancellationToken).ConfigureAwait(false);
    }
}
