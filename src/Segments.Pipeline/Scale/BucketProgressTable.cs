using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Segments.Storage.Account;

namespace Segments.Pipeline.Scale;

/// <summary>
/// The progress of bucketed runs (<see cref="StorageNames.BucketProgressTable"/>): partition = run id, row = pass and
/// bucket, written by the worker that did the item (upserted: a redelivered item rewrites its row) and polled by the run.
/// </summary>
public sealed class BucketProgressTable(StorageAccount account)
{
    private readonly TableClient _table = account.Tables.GetTableClient(StorageNames.BucketProgressTable);

    /// <summary>This process, as progress rows name it.</summary>
    public static string ThisWorker { get; } = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}");

    /// <summary>Records <paramref name="item"/> done (or failed for good, with <paramref name="error"/>).</summary>
    public async Task RecordAsync(BucketWorkItem item, long lines, string? error, long attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var entity = new TableEntity(item.RunId, item.RowKey)
        {
            ["Phase"] = item.Phase,
            ["Bucket"] = item.Bucket,
            ["Worker"] = ThisWorker,
            ["Lines"] = lines,
            ["Attempt"] = attempt,
        };
        if (error is not null)
        {
            entity["Error"] = error.Length > 4_000 ? error[..4_000] : error;
        }

        try
        {
            await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every row of <paramref name="runId"/> (of <paramref name="phase"/> when given).</summary>
    public async Task<List<BucketProgress>> ListAsync(string runId, string? phase, CancellationToken cancellationToken)
    {
        var rows = new List<BucketProgress>();
        var filter = phase is null ? TableClient.CreateQueryFilter($"PartitionKey eq {runId}") : TableClient.CreateQueryFilter($"PartitionKey eq {runId} and Phase eq {phase}");
        try
        {
            await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new BucketProgress(
                    entity.GetString("Phase"),
                    entity.GetInt32("Bucket") ?? -1,
                    entity.GetString("Worker") ?? "",
                    entity.GetInt64("Lines") ?? 0,
                    entity.GetString("Error"),
                    entity.GetInt64("Attempt") ?? 0));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return rows;
        }

        return rows;
    }

    /// <summary>The runs that have progress rows.</summary>
    public async Task<IReadOnlySet<string>> RunIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var entity in _table.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                ids.Add(entity.PartitionKey);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return ids;
        }

        return ids;
    }

    /// <summary>Removes every row of <paramref name="runId"/>.</summary>
    public async Task DeleteRunAsync(string runId, CancellationToken cancellationToken)
    {
        foreach (var row in await ListAsync(runId, null, cancellationToken).ConfigureAwait(false))
        {
            await _table.DeleteEntityAsync(runId, $"{row.Phase}-{row.Bucket:D4}", ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }
}
