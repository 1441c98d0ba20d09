using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Storage.Recommendations;

/// <summary>
/// Each run's recommendations: one JSON blob per run, <c>recommendations/{runId}.json</c> in the <c>normalized</c>
/// container, as segment profiles are. A blob rather than a column of the generation table: the lists are read
/// per customer but also per segment, and a run writes them in one request instead of one per customer row.
/// </summary>
public sealed class RecommendationStore(StorageAccount account)
{
    /// <summary>Folder of the blobs.</summary>
    public const string Prefix = "recommendations/";

    private readonly RunJsonBlobs _blobs = new(
        account.Blobs.GetBlobContainerClient(StorageNames.NormalizedContainer), Prefix, StorageWebJsonContext.Default);

    /// <summary>The blob name of a run's recommendations.</summary>
    public static string BlobNameFor(string runId) => RunJsonBlobs.BlobNameFor(Prefix, runId);

    /// <summary>Writes (replaces) a run's recommendations; returns the blob name.</summary>
    public Task<string> WriteAsync(RecommendationSet set, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        return _blobs.WriteAsync(set.RunId, set, cancellationToken);
    }

    /// <summary>A run's recommendations, or null when it has none (a run from before recommendations, or dropped).</summary>
    public Task<RecommendationSet?> ReadAsync(string runId, CancellationToken cancellationToken) => _blobs.ReadAsync<RecommendationSet>(runId, cancellationToken);

    /// <summary>The run ids that have recommendations, so leftovers of runs that never went live can be found.</summary>
    public Task<IReadOnlyList<string>> ListRunIdsAsync(CancellationToken cancellationToken) => _blobs.ListRunIdsAsync(cancellationToken);

    /// <summary>Deletes a run's recommendations if present.</summary>
    public Task DeleteAsync(string runId, CancellationToken cancellationToken) => _blobs.DeleteAsync(runId, cancellationToken);
}
