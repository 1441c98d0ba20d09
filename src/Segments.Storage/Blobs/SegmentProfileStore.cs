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

    private readonly RunJsonBlobs _blobs = new(account.Blobs.GetBlobContainerClient(StorageNames.NormalizedContainer), Prefix, StorageJsonContext.Default);

    /// <summary>The blob name of a run's profiles.</summary>
    public static string BlobNameFor(string runId) => RunJsonBlobs.BlobNameFor(Prefix, runId);

    /// <summary>Writes (replaces) a run's profiles; returns the blob name.</summary>
    public Task<string> WriteAsync(SegmentProfileSet profiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return _blobs.WriteAsync(profiles.RunId, profiles, cancellationToken);
    }

    /// <summary>A run's profiles, or null when it has none (a run from before profiles, or dropped).</summary>
    public Task<SegmentProfileSet?> ReadAsync(string runId, CancellationToken cancellationToken) => _blobs.ReadAsync<SegmentProfileSet>(runId, cancellationToken);

    /// <summary>The run ids that have a profiles blob, so leftovers of runs that never went live can be found.</summary>
    public Task<IReadOnlyList<string>> ListRunIdsAsync(CancellationToken cancellationToken) => _blobs.ListRunIdsAsync(cancellationToken);

    /// <summary>Deletes a run's profiles if present.</summary>
    public Task DeleteAsync(string runId, CancellationToken cancellationToken) => _blobs.DeleteAsync(runId, cancellationToken);
}
