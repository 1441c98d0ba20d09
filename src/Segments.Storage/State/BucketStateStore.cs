using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Segments.Storage.Account;
using Segments.Storage.Blobs;

namespace Segments.Storage.State;

/// <summary>
/// The runs' state in the <c>state</c> container (<see cref="StateLayout"/>): bucket files and index partitions are
/// written under new names, the manifest is swapped last with an ETag condition, and files no manifest names are
/// removed after the swap, so that a write that dies halfway leaves the previous state whole.
/// </summary>
public sealed partial class BucketStateStore(StorageAccount account)
{
    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(StorageNames.StateContainer);

    /// <summary>The manifest under <paramref name="prefix"/>, with its ETag; none before the first write.</summary>
    public async Task<StoredManifest> GetManifestAsync(string prefix, CancellationToken cancellationToken)
    {
        var name = StateLayout.ManifestOf(prefix);
        Response<BlobDownloadResult> response;
        try
        {
            response = await _container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return new StoredManifest(null, null, null);
        }

        var etag = response.Value.Details.ETag;
        try
        {
            var manifest = response.Value.Content.ToObjectFromJson(StateJsonContext.Default.StateManifest);
            return manifest is null
                ? new StoredManifest(null, etag, $"{name} is empty")
                : new StoredManifest(manifest, etag, null);
        }
        catch (JsonException ex)
        {
            return new StoredManifest(null, etag, $"{name} is not a manifest this version reads: {ex.Message}");
        }
    }

    /// <summary>
    /// Replaces the manifest, only if it is still the one read (<paramref name="expected"/>; null: only if there is
    /// none). Another writer's manifest in between throws rather than being overwritten.
    /// </summary>
    public async Task SaveManifestAsync(string prefix, StateManifest manifest, ETag? expected, CancellationToken cancellationToken)
    {
        var name = StateLayout.ManifestOf(prefix);
        var conditions = expected is { } etag ? new BlobRequestConditions { IfMatch = etag } : new BlobRequestConditions { IfNoneMatch = ETag.All };
        try
        {
            await UploadAsync(name, BinaryData.FromObjectAsJson(manifest, StateJsonContext.Default.StateManifest), conditions, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new InvalidOperationException($"the state manifest {name} changed while this run merged batches into it; nothing of this write is used", ex);
        }
    }

    /// <summary>Writes a bucket's lines to a new file <paramref name="file"/> under <paramref name="prefix"/>.</summary>
    public async Task WriteBucketAsync(string prefix, string file, IReadOnlyList<StateLine> lines, CancellationToken cancellationToken)
    {
        // Parquet's footer is written after the data; a buffer keeps the upload one request per small file.
        using var buffer = new MemoryStream();
        await BucketLinesFile.WriteAsync(lines, buffer, cancellationToken).ConfigureAwait(false);
        await UploadAsync(prefix + file, new BinaryData(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)), conditions: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uploads a bucket file built by a <see cref="BucketLinesWriter"/> as the new file <paramref name="file"/>.</summary>
    public Task WriteBucketAsync(string prefix, string file, BinaryData content, CancellationToken cancellationToken) =>
        UploadAsync(prefix + file, content, conditions: null, cancellationToken);

    /// <summary>A bucket's lines, in the order written.</summary>
    public async Task<List<StateLine>> ReadBucketAsync(string prefix, string file, CancellationToken cancellationToken)
    {
        using var stream = await DownloadAsync(prefix + file, cancellationToken).ConfigureAwait(false);
        return await BucketLinesFile.ReadAsync(stream, prefix + file, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A cursor over a bucket's lines, in the order written (the file is downloaded whole; its row groups are decoded one at a time).</summary>
    public async Task<BucketLinesCursor> OpenBucketAsync(string prefix, string file, CancellationToken cancellationToken)
    {
        var stream = await DownloadAsync(prefix + file, cancellationToken).ConfigureAwait(false);
        return await BucketLinesCursor.OpenAsync(stream, prefix + file, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes an index file (base or delta) to a new file <paramref name="file"/> under <paramref name="prefix"/>.</summary>
    public async Task WriteIndexAsync(string prefix, string file, IReadOnlyCollection<IndexedOrder> rows, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await OrderIndexFile.WriteAsync(rows, buffer, cancellationToken).ConfigureAwait(false);
        await UploadAsync(prefix + file, new BinaryData(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)), conditions: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An index file's entries (locations only).</summary>
    public async Task<List<OrderIndexEntry>> ReadIndexAsync(string prefix, string file, CancellationToken cancellationToken)
    {
        using var stream = await DownloadAsync(prefix + file, cancellationToken).ConfigureAwait(false);
        return await OrderIndexFile.ReadAsync(stream, prefix + file, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An index file's rows with their line counts.</summary>
    public async Task<List<IndexedOrder>> ReadIndexRowsAsync(string prefix, string file, CancellationToken cancellationToken)
    {
        using var stream = await DownloadAsync(prefix + file, cancellationToken).ConfigureAwait(false);
        return await OrderIndexFile.ReadCountedAsync(stream, prefix + file, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a delta's replaced order ids to a new file <paramref name="file"/> under <paramref name="prefix"/>.</summary>
    public async Task WriteReplacedAsync(string prefix, string file, IReadOnlyCollection<string> orderIds, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await ReplacedOrdersFile.WriteAsync(orderIds, buffer, cancellationToken).ConfigureAwait(false);
        await UploadAsync(prefix + file, new BinaryData(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)), conditions: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A delta's replaced order ids.</summary>
    public async Task<HashSet<string>> ReadReplacedAsync(string prefix, string file, CancellationToken cancellationToken)
    {
        using var stream = await DownloadAsync(prefix + file, cancellationToken).ConfigureAwait(false);
        return await ReplacedOrdersFile.ReadAsync(stream, prefix + file, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A cursor over customer bucket <paramref name="bucket"/>'s lines as <paramref name="manifest"/> names them: its
    /// deltas newest first, then its base, replaced lines skipped (<see cref="BucketStateCursor"/>). The files are
    /// downloaded together; their row groups are decoded one at a time.
    /// </summary>
    public async Task<BucketStateCursor> OpenBucketStateAsync(string prefix, StateManifest manifest, int bucket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var deltas = manifest.DeltasOf(bucket);
        var files = new List<(string? Lines, string? Replaced)>(deltas.Count + 1);
        files.AddRange(deltas.Reverse().Select(d => (d.LinesFile, d.ReplacedFile)));
        files.Add((manifest.BucketFiles[bucket], null));
        var opened = await Task.WhenAll(files.Select(async f =>
        {
            var lines = f.Lines is { } linesFile ? await OpenBucketAsync(prefix, linesFile, cancellationToken).ConfigureAwait(false) : null;
            IReadOnlySet<string> replaced = f.Replaced is { } replacedFile
                ? await ReadReplacedAsync(prefix, replacedFile, cancellationToken).ConfigureAwait(false)
                : new HashSet<string>();
            return (lines, replaced);
        })).ConfigureAwait(false);
        return new BucketStateCursor(opened);
    }

    /// <summary>Customer bucket <paramref name="bucket"/>'s lines as <paramref name="manifest"/> names them, in read order.</summary>
    public async Task<List<StateLine>> ReadBucketStateAsync(string prefix, StateManifest manifest, int bucket, CancellationToken cancellationToken)
    {
        var lines = new List<StateLine>();
        var cursor = await OpenBucketStateAsync(prefix, manifest, bucket, cancellationToken).ConfigureAwait(false);
        await using (cursor.ConfigureAwait(false))
        {
            while (await cursor.MoveNextAsync(cancellationToken).ConfigureAwait(false))
            {
                lines.Add(cursor.Current);
            }
        }

        return lines;
    }

    /// <summary>
    /// Deletes every blob under <paramref name="prefix"/> that <paramref name="manifest"/> does not name: the files a
    /// newer manifest replaced, and what a write that died before its manifest left.
    /// </summary>
    public async Task<int> RemoveUnnamedAsync(string prefix, StateManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var keep = manifest.Files().Select(f => prefix + f).ToHashSet(StringComparer.Ordinal);
        keep.Add(StateLayout.ManifestOf(prefix));
        return await BlobFolder.DeleteAsync(_container, prefix, name => !keep.Contains(name), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the state of <paramref name="prefix"/>'s store in every other format version (<c>{store}/v{k}/</c>, k not
    /// the version of <paramref name="prefix"/>): a state rebuilt in a new format leaves the old one unread, and nothing
    /// else would remove it. Blobs of other stores, and names under the store that are not a version folder, stay.
    /// </summary>
    /// <returns>The blobs deleted.</returns>
    public async Task<int> RemoveOtherVersionsAsync(string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var own = VersionFolder().Match(prefix);
        if (!own.Success)
        {
            throw new ArgumentException($"'{prefix}' is not a state prefix ({{store}}/v{{N}}/)", nameof(prefix));
        }

        var root = own.Groups["root"].Value;
        return await BlobFolder.DeleteAsync(
            _container,
            root,
            name => VersionStart().IsMatch(name.AsSpan(root.Length)) && !name.StartsWith(prefix, StringComparison.Ordinal),
            cancellationToken).ConfigureAwait(false);
    }

    // "{root}v{N}/" with root "" or ending in '/': the folder of one format version of one store.
    [GeneratedRegex(@"^(?<root>(?:.*/)?)v[0-9]+/$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionFolder();

    [GeneratedRegex(@"^v[0-9]+/", RegexOptions.CultureInvariant)]
    private static partial Regex VersionStart();

    /// <summary>The names of every blob under <paramref name="prefix"/> (for tests and operators).</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    private async Task<MemoryStream> DownloadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return new MemoryStream(content.Value.Content.ToArray(), writable: false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new InvalidDataException($"state file {name}, named by the manifest, is missing", ex);
        }
    }

    private async Task UploadAsync(string name, BinaryData content, BlobRequestConditions? conditions, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions { Conditions = conditions };
        try
        {
            await _container.GetBlobClient(name).UploadAsync(content, options, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // An account set up before the state existed: the container is made on the first write.
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await _container.GetBlobClient(name).UploadAsync(content, options, cancellationToken).ConfigureAwait(false);
        }
    }
}
