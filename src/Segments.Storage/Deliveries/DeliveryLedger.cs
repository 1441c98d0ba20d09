using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Segments.Storage.Account;

namespace Segments.Storage.Deliveries;

/// <summary>
/// The Deliveries table: one row per delivery (partition = destination, row = run and batch, so a destination's
/// deliveries read in run order), and one row per paused destination.
/// </summary>
public sealed class DeliveryLedger(StorageAccount account)
{
    // Destination names are at most 100 characters and cannot start with '~', so this partition never collides.
    private const string PausePartition = "~paused";

    private readonly TableClient _table = account.Tables.GetTableClient(StorageNames.DeliveriesTable);

    /// <summary>
    /// Adds the run's deliveries, 100 per transaction (one partition each); a row already there (a run that wrote its
    /// outbox before and was redelivered) is kept as it is, so what was sent stays sent.
    /// </summary>
    public async Task AddAsync(IReadOnlyList<DeliveryRecord> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        foreach (var partition in deliveries.GroupBy(d => d.Key.Destination, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                try
                {
                    await _table.SubmitTransactionAsync(chunk.Select(d => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(d))), cancellationToken).ConfigureAwait(false);
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 409)
                {
                    foreach (var delivery in chunk)
                    {
                        await TryAddAsync(delivery, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
    }

    /// <summary>A delivery's row, or null.</summary>
    public async Task<DeliveryRecord?> GetAsync(DeliveryKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(key.Destination), RowKeyOf(key), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    /// <summary>Replaces a delivery's row.</summary>
    public Task SaveAsync(DeliveryRecord delivery, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(ToEntity(delivery), TableUpdateMode.Replace, cancellationToken);

    /// <summary>
    /// Changes a delivery's cost columns (<see cref="DeliveryRecord.CostUsd"/>, <see cref="DeliveryRecord.SenderExecutions"/>)
    /// by <paramref name="change"/>, conditional on the row's ETag and retried when another execution changed the row
    /// in between, so two executions adding their costs at once both count. Only those columns are written (a merge),
    /// so what the sender recorded about the delivery itself stays. Returns false when the row is gone.
    /// </summary>
    public async Task<bool> UpdateCostAsync(DeliveryKey key, Func<DeliveryRecord, DeliveryRecord> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(change);
        while (true)
        {
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(key.Destination), RowKeyOf(key), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!response.HasValue)
            {
                return false;
            }

            var stored = response.Value!;
            var changed = change(FromEntity(stored));
            var costs = new TableEntity(stored.PartitionKey, stored.RowKey)
            {
                ["CostUsd"] = changed.CostUsd.ToString(CultureInfo.InvariantCulture),
                ["SenderExecutions"] = changed.SenderExecutions,
            };
            try
            {
                await _table.UpdateEntityAsync(costs, stored.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Another execution wrote the row since it was read: read it again and add to what it holds now.
            }
        }
    }

    /// <summary>Every delivery of <paramref name="destination"/>, oldest run first.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> ListAsync(string destination, CancellationToken cancellationToken)
    {
        var partition = TableKey.Escape(destination);
        var rows = new List<DeliveryRecord>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(FromEntity(entity));
        }

        return rows;
    }

    /// <summary>Every delivery of <paramref name="runId"/>, to every destination.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> ListForRunAsync(string runId, CancellationToken cancellationToken)
    {
        var rows = new List<DeliveryRecord>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RunId eq {runId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(FromEntity(entity));
        }

        return rows;
    }

    /// <summary>Every delivery of every destination.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> ListAllAsync(CancellationToken cancellationToken)
    {
        var rows = new List<DeliveryRecord>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey != PausePartition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(FromEntity(entity));
        }

        return rows;
    }

    /// <summary>The destination's pause, or null when it is sending.</summary>
    public async Task<DestinationPause?> GetPauseAsync(string destination, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(PausePartition, TableKey.Escape(destination), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue
            ? new DestinationPause(destination, response.Value!.GetString("Reason") ?? string.Empty, response.Value.GetDateTimeOffset("PausedAt") ?? DateTimeOffset.MinValue)
            : null;
    }

    /// <summary>Pauses a destination.</summary>
    public Task PauseAsync(DestinationPause pause, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pause);
        return _table.UpsertEntityAsync(
            new TableEntity(PausePartition, TableKey.Escape(pause.Destination)) { ["Reason"] = pause.Reason, ["PausedAt"] = pause.PausedAt },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    /// <summary>Resumes a destination (no-op when it was not paused).</summary>
    public async Task ResumeAsync(string destination, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(PausePartition, TableKey.Escape(destination), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Not paused.
        }
    }

    private async Task TryAddAsync(DeliveryRecord delivery, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(ToEntity(delivery), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Written by an earlier attempt of the same run: its status wins.
        }
    }

    private static string RowKeyOf(DeliveryKey key) => TableKey.Escape($"{key.RunId}-{key.Batch:D5}");

    private static TableEntity ToEntity(DeliveryRecord d) => new(TableKey.Escape(d.Key.Destination), RowKeyOf(d.Key))
    {
        ["Destination"] = d.Key.Destination,
        ["RunId"] = d.Key.RunId,
        ["Batch"] = d.Key.Batch,
        ["Status"] = d.Status.ToString(),
        ["Events"] = d.Events,
        ["Entered"] = d.Entered,
        ["Exited"] = d.Exited,
        ["PayloadBlob"] = d.PayloadBlob,
        ["CreatedAt"] = d.CreatedAt,
        ["Attempts"] = d.Attempts,
        ["LastAttemptAt"] = d.LastAttemptAt,
        ["SentAt"] = d.SentAt,
        ["LastError"] = d.LastError,
        // Tables have no decimal type; the invariant string keeps the amount exact (a double would not).
        ["CostUsd"] = d.CostUsd.ToString(CultureInfo.InvariantCulture),
        ["SenderExecutions"] = d.SenderExecutions,
    };

    private static DeliveryRecord FromEntity(TableEntity e) => new()
    {
        Key = new DeliveryKey(e.GetString("Destination"), e.GetString("RunId"), e.GetInt32("Batch") ?? 0),
        Status = Enum.TryParse<DeliveryStatus>(e.GetString("Status"), out var status) ? status : DeliveryStatus.Pending,
        Events = e.GetInt32("Events") ?? 0,
        Entered = e.GetInt32("Entered") ?? 0,
        Exited = e.GetInt32("Exited") ?? 0,
        PayloadBlob = e.GetString("PayloadBlob") ?? string.Empty,
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        Attempts = e.GetInt32("Attempts") ?? 0,
        LastAttemptAt = e.GetDateTimeOffset("LastAttemptAt"),
        SentAt = e.GetDateTimeOffset("SentAt"),
        LastError = e.GetString("LastError"),
        CostUsd = decimal.TryParse(e.GetString("CostUsd"), NumberStyles.Number, CultureInfo.InvariantCulture, out var cost) ? cost : 0m,
        SenderExecutions = e.GetInt32("SenderExecutions") ?? 0,
    };
}
