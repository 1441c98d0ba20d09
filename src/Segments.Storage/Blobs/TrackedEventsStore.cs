using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Segments.Storage.Account;

namespace Segments.Storage.Blobs;

/// <summary>
/// Where the tracking API puts what it accepts: one JSON Lines blob per request in the <c>events</c> drop zone,
/// from which the blob path ingests it like any events export. Names are
/// <c>tracking/yyyy/MM/dd/HH/{guid}.jsonl</c> (the hour received, UTC): a random id, so two instances never write
/// one name, and written only if no blob has that name, so not even a repeated id overwrites one.
/// </summary>
public sealed class TrackedEventsStore(StorageAccount account)
{
    /// <summary>The folder of the tracking API's blobs inside <c>events</c>.</summary>
    public const string Prefix = "tracking/";

    /// <summary>The content type of the blobs: JSON Lines.</summary>
    public const string ContentType = "application/x-ndjson";

    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(StorageNames.EventsContainer);

    /// <summary>The name of a blob received at <paramref name="receivedAt"/> with id <paramref name="id"/>.</summary>
    public static string NameFor(DateTimeOffset receivedAt, Guid id) =>
        Prefix + receivedAt.UtcDateTime.ToString("yyyy/MM/dd/HH", CultureInfo.InvariantCulture) + "/" + id.ToString("N", CultureInfo.InvariantCulture) + ".jsonl";

    /// <summary>
    /// Writes <paramref name="lines"/> as one blob and returns its name once storage has acknowledged the whole
    /// blob (a single Put Blob: the blob exists complete or not at all).
    /// </summary>
    public async Task<string> WriteAsync(IReadOnlyList<string> lines, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        var name = NameFor(receivedAt, Guid.NewGuid());
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = ContentType },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };

        // 500 KB at most (the batch limit) is far under the SDK's single-upload threshold: one request, all or nothing.
        var content = BinaryData.FromString(text.ToString());
        try
        {
            await _container.GetBlobClient(name).UploadAsync(content, options, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // An account set up before the events container existed (EnsureReadyAsync creates it on start-up once it
            // is one of StorageNames.Containers): create it rather than refuse events.
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await _container.GetBlobClient(name).UploadAsync(content, options, cancellationToken).ConfigureAwait(false);
        }

        return name;
    }
}
