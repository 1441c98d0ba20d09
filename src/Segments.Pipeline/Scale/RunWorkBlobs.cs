using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Pipeline.Scale;

/// <summary>
/// What a bucketed run's passes hand each other, in the <c>state</c> container under <c>runs/{runId}/</c> (apart from
/// the state's own <c>{store}/v1/</c> files, whose sweep never touches it): each bucket's summary and spend ranking,
/// the merged summary and the spend tier boundaries, the run's experiments and each bucket's scoring outcome, and each
/// bucket's lines as pass 1 read them from the state (<see cref="LinesOf"/>), which every later reader of the run takes
/// instead of the state. Every blob is written whole under a fixed name, so a repeated
/// work item overwrites it with the same bytes; the run removes the folder when it ends, failed or not (the lines once
/// the recommender has read them: <see cref="DeleteRunAsync(string, bool, CancellationToken)"/>).
/// </summary>
public sealed class RunWorkBlobs(StorageAccount account)
{
    // The lines' folder within a run's: kept past the passes while the recommender still reads them.
    private const string LinesFolder = "lines/";

    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(StorageNames.StateContainer);

    /// <summary>The blob of one bucket's pass-1 summary.</summary>
    public static string SummaryOf(string runId, int bucket) => string.Create(CultureInfo.InvariantCulture, $"{FolderOf(runId)}summary/bucket={bucket:D4}.bin");

    /// <summary>The blob of one bucket's spend ranking.</summary>
    public static string RankingOf(string runId, int bucket) => string.Create(CultureInfo.InvariantCulture, $"{FolderOf(runId)}ranking/bucket={bucket:D4}.bin");

    /// <summary>One bucket's scoring outcome (<see cref="BucketOutcome"/>, JSON): its rows are in the generation table.</summary>
    public static string OutcomeOf(string runId, int bucket) => string.Create(CultureInfo.InvariantCulture, $"{FolderOf(runId)}outcome/bucket={bucket:D4}.json");

    /// <summary>
    /// One bucket's lines (<see cref="BucketLinesFormat"/>) as pass 1 read them from the state: the later passes and
    /// the recommender read them here, so a run reads the state's files (base, deltas, replaced orders) once.
    /// </summary>
    public static string LinesOf(string runId, int bucket) => string.Create(CultureInfo.InvariantCulture, $"{FolderOf(runId)}{LinesFolder}bucket={bucket:D4}.bin");

    /// <summary>The run's experiments (<see cref="BucketExperiments"/>, JSON), resolved once for every bucket.</summary>
    public static string ExperimentsOf(string runId) => FolderOf(runId) + "experiments.json";

    /// <summary>The merged population summary every scoring worker fits its model from.</summary>
    public static string MergedSummaryOf(string runId) => FolderOf(runId) + "merged-summary.bin";

    /// <summary>The spend tier boundaries of the merged rankings.</summary>
    public static string SpendTiersOf(string runId) => FolderOf(runId) + "spend-tiers.bin";

    /// <summary>The folder of one run's work.</summary>
    public static string FolderOf(string runId) => $"runs/{runId}/";

    /// <summary>Writes (or overwrites) <paramref name="name"/>.</summary>
    public async Task WriteAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        try
        {
            await _container.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await _container.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The content of <paramref name="name"/>; a missing blob says which pass did not run.</summary>
    public async Task<byte[]> ReadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return response.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new InvalidOperationException($"{StorageNames.StateContainer}/{name} is missing: the pass that writes it has not run for this bucket", ex);
        }
    }

    /// <summary>The runs that have work blobs.</summary>
    public async Task<IReadOnlySet<string>> RunIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var blob in _container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "runs/", cancellationToken).ConfigureAwait(false))
            {
                ids.Add(blob.Name.Split('/')[1]);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return ids;
        }

        return ids;
    }

    /// <summary>Removes every work blob of <paramref name="runId"/>; returns how many.</summary>
    public Task<int> DeleteRunAsync(string runId, CancellationToken cancellationToken) => DeleteRunAsync(runId, keepLines: false, cancellationToken);

    /// <summary>Removes the work blobs of <paramref name="runId"/>, but for its buckets' lines when <paramref name="keepLines"/>; returns how many.</summary>
    public Task<int> DeleteRunAsync(string runId, bool keepLines, CancellationToken cancellationToken) =>
        DeleteUnderAsync(FolderOf(runId), keepLines ? FolderOf(runId) + LinesFolder : null, cancellationToken);

    /// <summary>Removes the buckets' lines of <paramref name="runId"/> (what <see cref="DeleteRunAsync(string, bool, CancellationToken)"/> kept); returns how many.</summary>
    public Task<int> DeleteLinesAsync(string runId, CancellationToken cancellationToken) =>
        DeleteUnderAsync(FolderOf(runId) + LinesFolder, keep: null, cancellationToken);

    // Every blob under `prefix` but those under `keep`.
    private Task<int> DeleteUnderAsync(string prefix, string? keep, CancellationToken cancellationToken) =>
        BlobFolder.DeleteAsync(_container, prefix, keep is null ? null : name => !name.StartsWith(keep, StringComparison.Ordinal), cancellationToken);
}
