using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Segments.Storage.Blobs;

/// <summary>
/// One JSON blob per run under a folder, <c>{prefix}{runId}.json</c>: what the per-run stores (segment profiles,
/// recommendations) share — write, read, list (so leftovers of runs that never went live can be found) and delete.
/// The documents are written and read with <paramref name="json"/>, the source-generated context that declares their
/// types and the options of their stored format.
/// </summary>
internal sealed class RunJsonBlobs(BlobContainerClient container, string prefix, JsonSerializerContext json)
{
    /// <summary>The blob name of a run's document in the folder <paramref name="folder"/>.</summary>
    public static string BlobNameFor(string folder, string runId) => $"{folder}{runId}.json";

    private string BlobNameFor(string runId) => BlobNameFor(prefix, runId);

    /// <summary>Writes (replaces) a run's document; returns the blob name.</summary>
    public async Task<string> WriteAsync<T>(string runId, T document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var name = BlobNameFor(runId);
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromObjectAsJson(document, TypeInfo<T>()), overwrite: true, cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>A run's document, or null when it has none.</summary>
    public async Task<T?> ReadAsync<T>(string runId, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var content = await container.GetBlobClient(BlobNameFor(runId)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToObjectFromJson(TypeInfo<T>());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The run ids that have a document.</summary>
    public async Task<IReadOnlyList<string>> ListRunIdsAsync(CancellationToken cancellationToken)
    {
        var runIds = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            if (blob.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                runIds.Add(blob.Name[prefix.Length..^".json".Length]);
            }
        }

        return runIds;
    }

    /// <summary>Deletes a run's document if present.</summary>
    public Task DeleteAsync(string runId, CancellationToken cancellationToken) =>
        container.GetBlobClient(BlobNameFor(runId)).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private JsonTypeInfo<T> TypeInfo<T>() =>
        json.GetTypeInfo(typeof(T)) as JsonTypeInfo<T> ?? throw new InvalidOperationException($"{json.GetType().Name} declares no JSON contract for {typeof(T).Name}");
}
