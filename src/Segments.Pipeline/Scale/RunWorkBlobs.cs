using System.Globalization;
using Azure;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Pipeline.Scale;

/// <summary>
/// What a bucketed run's passes hand each other, in a container of the run's own (<see cref="ContainerOf"/>,
/// <c>runwork-{run id}</c>): each bucket's summary and spend ranking, the merged summary and the spend tier boundaries,
/// the run's experiments and each bucket's scoring outcome, and each bucket's lines as pass 1 read them from the state
/// (<see cref="LinesOf"/>), which every later reader of the run takes instead of the state. Every blob is written whole
/// under a fixed name, so a repeated work item overwrites it with the same bytes. A name here is the run's folder and
/// the blob's name in the run's container (<c>runs/{runId}/summary/bucket=0001.bin</c> is <c>summary/bucket=0001.bin</c>
/// in <c>runwork-{run id}</c>), so that every name still says its run.
/// The run deletes its container when it no longer reads it (<see cref="DeleteRunAsync"/>): one request, where deleting
/// the few hundred blobs one by one cost a request each, and in the emulator a time that grew with every blob the
/// account holds (0.2 s a run after 30 daily batches, 0.75 s after 365; see <see cref="RunContainers"/>).
/// </summary>
public sealed class RunWorkBlobs(StorageAccount account)
{
    /// <summary>What every run's container name starts with (and nothing else's).</summary>
    public const string ContainerPrefix = "runwork-";

    private const string RunsFolder = "runs/";

    private readonly RunContainers _containers = new(account, ContainerPrefix);

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
    public static string LinesOf(string runId, int bucket) => string.Create(CultureInfo.InvariantCulture, $"{FolderOf(runId)}lines/bucket={bucket:D4}.bin");

    /// <summary>The run's experiments (<see cref="BucketExperiments"/>, JSON), resolved once for every bucket.</summary>
    public static string ExperimentsOf(string runId) => FolderOf(runId) + "experiments.json";

    /// <summary>The merged population summary every scoring worker fits its model from.</summary>
    public static string MergedSummaryOf(string runId) => FolderOf(runId) + "merged-summary.bin";

    /// <summary>The spend tier boundaries of the merged rankings.</summary>
    public static string SpendTiersOf(string runId) => FolderOf(runId) + "spend-tiers.bin";

    /// <summary>The folder of one run's work: what every name of the run starts with.</summary>
    public static string FolderOf(string runId) => $"{RunsFolder}{runId}/";

    /// <summary>The container of one run's work: <see cref="ContainerPrefix"/> and the run id's letters (lower case) and digits.</summary>
    public static string ContainerOf(string runId) => RunContainers.NameOf(ContainerPrefix, runId);

    /// <summary>Where <paramref name="name"/> is stored, container and blob, for messages: <c>runwork-…/summary/bucket=0001.bin</c>.</summary>
    public static string Describe(string name)
    {
        var (runId, blob) = Split(name);
        return $"{ContainerOf(runId)}/{blob}";
    }

    /// <summary>Writes (or overwrites) <paramref name="name"/>; the run's container is created by its first write.</summary>
    public Task WriteAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        var (runId, blob) = Split(name);
        return _containers.UploadAsync(runId, blob, new BinaryData(content), cancellationToken);
    }

    /// <summary>The content of <paramref name="name"/>; a missing blob says which pass did not run.</summary>
    public async Task<byte[]> ReadAsync(string name, CancellationToken cancellationToken)
    {
        var (runId, blob) = Split(name);
        try
        {
            var response = await _containers.ContainerOf(runId).GetBlobClient(blob).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return response.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new InvalidOperationException($"{Describe(name)} is missing: the pass that writes it has not run for this bucket", ex);
        }
    }

    /// <summary>The containers of runs' work in the account (see <see cref="ContainerOf"/>).</summary>
    public Task<IReadOnlyList<string>> ContainersAsync(CancellationToken cancellationToken) => _containers.ListAsync(cancellationToken);

    /// <summary>Deletes the container of <paramref name="runId"/>'s work, every blob in it; false when there was none.</summary>
    public Task<bool> DeleteRunAsync(string runId, CancellationToken cancellationToken) => _containers.DeleteAsync(runId, cancellationToken);

    /// <summary>Deletes one container of runs' work (a name <see cref="ContainersAsync"/> gave); false when it was not there.</summary>
    public Task<bool> DeleteContainerAsync(string container, CancellationToken cancellationToken) => _containers.DeleteContainerAsync(container, cancellationToken);

    // "runs/{runId}/{blob}": every name this class makes (FolderOf) has that shape.
    private static (string RunId, string Blob) Split(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var end = name.StartsWith(RunsFolder, StringComparison.Ordinal) ? name.IndexOf('/', RunsFolder.Length) : -1;
        return end > RunsFolder.Length && end < name.Length - 1
            ? (name[RunsFolder.Length..end], name[(end + 1)..])
            : throw new ArgumentException($"'{name}' is not a name of a run's work ({RunsFolder}{{runId}}/…)", nameof(name));
    }
}
