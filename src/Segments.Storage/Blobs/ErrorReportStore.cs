using Azure.Storage.Blobs;
using Segments.Storage.Account;

namespace Segments.Storage.Blobs;

/// <summary>Line-level error reports in <c>transactions-rejected</c>, one JSON object per rejected row.</summary>
public sealed class ErrorReportStore(StorageAccount account)
{
    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(StorageNames.RejectedContainer);

    /// <summary>The report's name for an uploaded blob.</summary>
    public static string ReportNameFor(string blobName) => blobName + ".errors.jsonl";

    /// <summary>Folder of the reports on customer (profile) exports, so they never mix with those on order exports of the same name.</summary>
    public const string ProfileReportsPrefix = "customers/";

    /// <summary>The report's name for a blob uploaded to <c>customers</c>: <c>customers/{blob}.errors.jsonl</c>.</summary>
    public static string ProfileReportNameFor(string blobName) => ProfileReportsPrefix + ReportNameFor(blobName);

    /// <summary>Folder of the reports on behaviour-event exports (container <c>events</c>): <c>events/{blob}.errors.jsonl</c>.</summary>
    public const string EventReportsPrefix = "events/";

    /// <summary>A stream that uploads as it is written.</summary>
    public Task<Stream> OpenWriteAsync(string reportName, CancellationToken cancellationToken) =>
        _container.GetBlobClient(reportName).OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken);

    /// <summary>Reads a whole report (reports are small: one line per bad row).</summary>
    public async Task<string> ReadAsync(string reportName, CancellationToken cancellationToken)
    {
        var content = await _container.GetBlobClient(reportName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return content.Value.Content.ToString();
    }

    /// <summary>Removes a stale report (a corrected upload has no bad rows).</summary>
    public Task DeleteAsync(string reportName, CancellationToken cancellationToken) =>
        _container.GetBlobClient(reportName).DeleteIfExistsAsync(cancellationToken: cancellationToken);
}
