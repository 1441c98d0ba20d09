using Azure;
using Azure.Storage.Blobs;
using Segments.Core.SegmentProfiles;
using Segments.Storage.Account;

namespace Segments.Storage.Blobs;

/// <summary>
/// The segment profiles of each run: one JSON blob per run, <c>segment-profiles/{runId}.json</c> in the
/// <c>normalized</c> container (derived data, like the normalised batches). Written before the run goes live,
/// dropped with the run's generation.
/// </summary>
public sealed class SegmentProfileStore(StorageAccount account)
{
    /// <summary>Folder of the profile blobs.</summary>
    public const string Prefix = "segment-profiles/";

    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(StorageNames.NormalizedContainer);

    /// <summary>The blob name of a run's profiles.</summary>
    public static string BlobNameFor(string runId) => $"{Prefix}{runId}.json";

    /// <summary>Writes (replaces) a run's profiles; returns the blob name.</summary>
    public async Task<string> WriteAsync(SegmentProfileSet profiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var name = BlobNameFor(profiles.RunId);
        await _container.GetBlobClient(name).UploadAsync(BinaryData.FromObjectAsJson(profiles), overwrite: true, cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>A run's profiles, or null when it has none (a run from before profiles, or dropped).</summary>
    public async Task<SegmentProfileSet?> ReadAsync(string runId, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _container.GetBlobClient(BlobNameFor(runId)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToObjectFromJson<SegmentProfileSet>();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The run ids that have a profiles blob, so leftovers of runs that never went live can be found.</summary>
    public async Task<IReadOnlyList<string>> ListRunIdsAsync(CancellationToken cancellationToken)
    {
        var runIds = new List<string>();
        await foreach (var blob in _container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, Prefix, cancellationToken).ConfigureAwait(false))
        {
            if (blob.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                runIds.Add(blob.Name[Prefix.Length..^".json".Length]);
            }
        }

        return runIds;
    }

    /// <summary>Deletes a run's profiles if present.</summary>
    public Task DeleteAsync(string runId, CancellationToken cancellationToken) =>
        _container.GetBlobClient(BlobNameFor(runId)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
}
