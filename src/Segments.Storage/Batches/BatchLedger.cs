using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure;
using Azure.Data.Tables;
using Segments.Core.Cost;
using Segments.Storage.Account;

namespace Segments.Storage.Batches;

/// <summary>
/// The Batches table: one row per blob name (the latest version of it) and kind of export. Order exports keep
/// partition <c>batch</c>; customer exports have partition <c>profile</c>.
/// </summary>
public sealed class BatchLedger(StorageAccount account)
{
    // One partition: the ledger grows by one row per upload, far below a partition's limits, and
    // a single partition lets the duplicate check and the listing be one query.
    private const string Partition = "batch";
    private const string ProfilePartition = "profile";
    private const string EventPartition = "event";

    private readonly TableClient _table = account.Tables.GetTableClient(StorageNames.BatchesTable);

    /// <summary>The ledger row of a blob of this <see cref="BatchKind"/>, or null.</summary>
    public async Task<BatchRecord?> GetAsync(string kind, string blobName, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(kind), TableKey.Escape(blobName), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    /// <summary>Writes (inserts or replaces) a row.</summary>
    public Task SaveAsync(BatchRecord record, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(ToEntity(record), TableUpdateMode.Replace, cancellationToken);

    /// <summary>Every row of order exports, ordered by blob name.</summary>
    public Task<IReadOnlyList<BatchRecord>> ListAsync(CancellationToken cancellationToken) =>
        ListAsync(BatchKind.Transactions, cancellationToken);

    /// <summary>Every row of this <see cref="BatchKind"/>, ordered by blob name.</summary>
    public async Task<IReadOnlyList<BatchRecord>> ListAsync(string kind, CancellationToken cancellationToken)
    {
        var records = new List<BatchRecord>();
        var partition = PartitionOf(kind);
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(FromEntity(entity));
        }

        return records;
    }

    /// <summary>The accepted batch of this <see cref="BatchKind"/> with this content, other than <paramref name="exceptBlobName"/>, or null.</summary>
    public async Task<BatchRecord?> FindAcceptedByHashAsync(string kind, string contentHash, string exceptBlobName, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(kind)} and ContentHash eq {contentHash} and Status eq {BatchStatus.Accepted}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var record = FromEntity(entity);
            if (record.BlobName != exceptBlobName)
            {
                return record;
            }
        }

        return null;
    }

    /// <summary>
    /// A batch of this <see cref="BatchKind"/> recorded as a duplicate of content with this hash, other than
    /// <paramref name="exceptBlobName"/>, or null: the name that takes the content over when its accepted copy's
    /// blob is overwritten.
    /// </summary>
    public async Task<BatchRecord?> FindDuplicateByHashAsync(string kind, string contentHash, string exceptBlobName, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(kind)} and ContentHash eq {contentHash} and Status eq {BatchStatus.Duplicate}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var record = FromEntity(entity);
            if (record.BlobName != exceptBlobName)
            {
                return record;
            }
        }

        return null;
    }

    private static string PartitionOf(string kind) => kind switch
    {
        BatchKind.Profiles => ProfilePartition,
        BatchKind.Events => EventPartition,
        _ => Partition,
    };

    private static TableEntity ToEntity(BatchRecord r) => new(PartitionOf(r.Kind), TableKey.Escape(r.BlobName))
    {
        ["Kind"] = r.Kind,
        ["Profiles"] = r.Profiles is null ? null : JsonSerializer.Serialize(r.Profiles, StorageJsonContext.Default.ProfileBatchSummary),
        ["BlobName"] = r.BlobName,
        ["BlobETag"] = r.ETag,
        ["ContentHash"] = r.ContentHash,
        ["Status"] = r.Status,
        ["Reason"] = BatchReason.Cut(r.Reason),
        ["Profile"] = r.Profile,
        ["Format"] = r.Format,
        ["AcceptedAt"] = r.AcceptedAt,
        ["RowsRead"] = r.RowsRead,
        ["RowsAccepted"] = r.RowsAccepted,
        ["RowsSkipped"] = r.RowsSkipped,
        ["RowsRejected"] = r.RowsRejected,
        ["FirstOrderDate"] = Day(r.FirstOrderDate),
        ["LatestOrderDate"] = Day(r.LatestOrderDate),
        ["SizeBytes"] = r.SizeBytes,
        ["NormalizedBlob"] = r.NormalizedBlob,
        ["ErrorReportBlob"] = r.ErrorReportBlob,
        ["Attempts"] = r.Attempts,
        ["ReceivedAt"] = r.ReceivedAt,
        ["CompletedAt"] = r.CompletedAt,
        ["Usage"] = r.Usage is null ? null : JsonSerializer.Serialize(r.Usage, StorageJsonContext.Default.UsageReport),
        ["CostUsd"] = r.CostUsd is null ? null : JsonSerializer.Serialize(r.CostUsd, StorageJsonContext.Default.CostBreakdown),
    };

    private static BatchRecord FromEntity(TableEntity e) => new()
    {
        Kind = e.GetString("Kind") ?? BatchKind.Transactions,
        Profiles = Json(e, "Profiles", StorageJsonContext.Default.ProfileBatchSummary),
        BlobName = e.GetString("BlobName"),
        ETag = e.GetString("BlobETag"),
        ContentHash = e.GetString("ContentHash") ?? string.Empty,
        Status = e.GetString("Status"),
        Reason = e.GetString("Reason"),
        Profile = e.GetString("Profile"),
        Format = e.GetString("Format"),
        AcceptedAt = e.GetDateTimeOffset("AcceptedAt"),
        RowsRead = e.GetInt64("RowsRead") ?? 0,
        RowsAccepted = e.GetInt64("RowsAccepted") ?? 0,
        RowsSkipped = e.GetInt64("RowsSkipped") ?? 0,
        RowsRejected = e.GetInt64("RowsRejected") ?? 0,
        FirstOrderDate = Day(e, "FirstOrderDate"),
        LatestOrderDate = Day(e, "LatestOrderDate"),
        SizeBytes = e.GetInt64("SizeBytes") ?? 0,
        NormalizedBlob = e.GetString("NormalizedBlob"),
        ErrorReportBlob = e.GetString("ErrorReportBlob"),
        Attempts = e.GetInt32("Attempts") ?? 0,
        ReceivedAt = e.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
        CompletedAt = e.GetDateTimeOffset("CompletedAt"),
        Usage = Json(e, "Usage", StorageJsonContext.Default.UsageReport),
        CostUsd = Json(e, "CostUsd", StorageJsonContext.Default.CostBreakdown),
    };

    // Tables have no date-only type: a day is kept as its ISO text, which also sorts and reads as a date.
    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Day(TableEntity e, string property) =>
        e.GetString(property) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static T? Json<T>(TableEntity e, string property, JsonTypeInfo<T> type)
        where T : class =>
        e.GetString(property) is { } json ? JsonSerializer.Deserialize(json, type) : null;
}
