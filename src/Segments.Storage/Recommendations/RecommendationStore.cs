using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Segments.Storage.Account;

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

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(StorageNames.NormalizedContainer);

    /// <summary>The blob name of a run's recommendations.</summary>
    public static string BlobNameFor(string runId) => $"{Prefix}{runId}.json";

    /// <summary>Writes (replaces) a run's recommendations; returns the blob name.</summary>
    public async Task<string> WriteAsync(RecommendationSet set, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        var name = BlobNameFor(set.RunId);
        await _container.GetBlobClient(name).UploadAsync(BinaryData.FromObjectAsJson(set, Json), overwrite: true, cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>A run's recommendations, or null when it has none (a run from before recommendations, or dropped).</summary>
    public async Task<RecommendationSet?> ReadAsync(string runId, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _container.GetBlobClient(BlobNameFor(runId)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToObjectFromJson<RecommendationSet>(Json);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Deletes a run's recommendations if present.</summary>
    public Task DeleteAsync(string runId, CancellationToken cancellationToken) =>
        _container.GetBlobClient(BlobNameFor(runId)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
}
