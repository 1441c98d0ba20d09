using Microsoft.Extensions.Logging;
using Segments.Core.Destinations;
using Segments.Storage.Account;
using Segments.Storage.Deliveries;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Delivery;

/// <summary>
/// The run's delivery stage: before the run is marked done, writes every destination's entered/exited moves since the
/// previous succeeded run to the durable outbox — payload blobs, then ledger rows, then one queue message per batch —
/// and nothing else: sending is the sender's (<see cref="DeliverySender"/>), so a slow or dead destination never
/// delays the run. Control-group members (unless the destination says otherwise) and customers without the consent a
/// destination needs are never written.
/// </summary>
public sealed partial class DeliveryOutbox(
    DestinationConfig config,
    RunLedger runs,
    GenerationStore generations,
    DeliveryLedger ledger,
    OutboxPayloadStore payloads,
    OutboxQueue queue,
    AudienceFileWriter audiences,
    TimeProvider time,
    ILogger<DeliveryOutbox> logger)
{
    /// <summary>Writes the outbox of <paramref name="run"/>, whose customers are <paramref name="rows"/>.</summary>
    public Task<OutboxSummary> WriteAsync(RunRecord run, IReadOnlyList<CustomerSegmentRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(run, async (previous, audienceMembers, wanted, ct) =>
        {
            var previousRows = previous is null ? [] : await PreviousRowsAsync(previous.GenerationTable!, ct).ConfigureAwait(false);
            audienceMembers.ForEach(a => a.Add(rows, previousRows.Values));
            return wanted is null ? [] : SegmentMoves.Between(previous!, previousRows, run, rows, wanted);
        }, cancellationToken);
    }

    /// <summary>
    /// Writes the outbox of <paramref name="run"/>, whose rows a bucketed run wrote to <paramref name="table"/> in
    /// <paramref name="bucketCount"/> partitions: bucket by bucket, each partition is compared with the same partition of
    /// the previous generation (a customer is in the same bucket in both), so no run's rows are held whole; the moves of
    /// every bucket are then batched exactly as <see cref="WriteAsync(RunRecord, IReadOnlyList{CustomerSegmentRow}, CancellationToken)"/>
    /// batches them. Audience files keep the ids of their segments' members.
    /// </summary>
    public Task<OutboxSummary> WriteBucketedAsync(RunRecord run, string table, int bucketCount, CancellationToken cancellationToken) =>
        WriteAsync(run, async (previous, audienceMembers, wanted, ct) =>
        {
            var moves = new List<CustomerMove>();
            // A previous generation partitioned otherwise (written before the count was recorded) is read whole, once.
            Dictionary<string, CustomerSegmentRow>? previousWhole = null;
            if (previous is not null && previous.BucketCount != bucketCount)
            {
                LogPreviousReadWhole(run.RunId, previous.RunId, previous.BucketCount, bucketCount);
                previousWhole = await PreviousRowsAsync(previous.GenerationTable!, ct).ConfigureAwait(false);
            }

            for (var bucket = 0; bucket < bucketCount; bucket++)
            {
                var rows = new List<CustomerSegmentRow>();
                await foreach (var row in generations.ScanPartitionAsync(table, bucket, ct).ConfigureAwait(false))
                {
                    rows.Add(row);
                }

                var previousRows = new Dictionary<string, CustomerSegmentRow>(StringComparer.Ordinal);
                if (previousWhole is not null)
                {
                    foreach (var (id, row) in previousWhole.Where(p => CustomerBucket.IndexOf(p.Key, bucketCount) == bucket))
                    {
                        previousRows[id] = row;
                    }
                }
                else if (previous is not null)
                {
                    await foreach (var row in generations.ScanPartitionAsync(previous.GenerationTable!, bucket, ct).ConfigureAwait(false))
                    {
                        previousRows[row.CustomerId] = row;
                    }
                }

                audienceMembers.ForEach(a => a.Add(rows, previousRows.Values));
                if (wanted is not null)
                {
                    moves.AddRange(SegmentMoves.Between(previous!, previousRows, run, rows, wanted));
                }
            }

            return moves;
        }, cancellationToken);

    /// <summary>
    /// The outbox of <paramref name="run"/>: <paramref name="diff"/> is given the previous succeeded run (null on the
    /// first), the audience-files destinations to collect members for, and which segments the senders follow (null when
    /// no moves are to be sent), and returns the moves of those segments.
    /// </summary>
    private async Task<OutboxSummary> WriteAsync(
        RunRecord run,
        Func<RunRecord?, List<AudienceMembers>, Func<string, bool>?, CancellationToken, Task<IReadOnlyList<CustomerMove>>> diff,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var set = await config.LoadAsync(cancellationToken).ConfigureAwait(false);
        var problems = set.Errors.Select(e => e.ToString()).ToList();
        if (set.Destinations.Count == 0)
        {
            return new OutboxSummary([], problems);
        }

        // The previous succeeded run, as /changes takes it by default; the first run has no moves to send (audience files add everyone).
        var previous = (await runs.ListAsync(cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(r => r.Status == RunStatus.Succeeded && string.CompareOrdinal(r.RunId, run.RunId) < 0 && r.GenerationTable is not null);
        var audienceFiles = set.Destinations.Where(d => d.Kind == DestinationKind.AudienceFiles).ToList();
        var audienceMembers = audienceFiles.Select(d => new AudienceMembers(d, run, previous)).ToList();
        var senders = set.Destinations.Where(d => d.Kind != DestinationKind.AudienceFiles).ToList();
        Func<string, bool>? wanted = previous is null || senders.Count == 0 ? null : id => senders.Any(d => d.Follows(id));
        var moves = await diff(previous, audienceMembers, wanted, cancellationToken).ConfigureAwait(false);

        foreach (var (destination, members) in audienceFiles.Zip(audienceMembers))
        {
            var manifest = await audiences.WriteAsync(destination, run, previous, members, cancellationToken).ConfigureAwait(false);
            LogAudienceFiles(run.RunId, destination.Name, manifest.Segments.Count);
        }

        if (previous is null || senders.Count == 0)
        {
            LogNoMoves(run.RunId);
            return new OutboxSummary([], problems);
        }

        var known = Queries.SegmentRef.InRun(run).Concat(Queries.SegmentRef.InRun(previous)).Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var summaries = new List<OutboxDestinationSummary>();
        var now = time.GetUtcNow();
        foreach (var destination in senders)
        {
            // A destination following a segment neither run has is reported; what it follows of the rest is sent.
            foreach (var unknown in destination.Segments.Where(p => !known.Any(id => SegmentPattern.Matches(p, id))))
            {
                problems.Add($"destination '{destination.Name}' follows '{unknown}', which run {run.RunId} does not have: nothing is sent for it");
            }

            summaries.Add(await WriteDestinationAsync(destination, run, previous, moves, now, cancellationToken).ConfigureAwait(false));
        }

        foreach (var problem in problems)
        {
            LogProblem(run.RunId, problem);
        }

        return new OutboxSummary(summaries, problems);
    }

    private async Task<Dictionary<string, CustomerSegmentRow>> PreviousRowsAsync(string table, CancellationToken cancellationToken)
    {
        var previousRows = new Dictionary<string, CustomerSegmentRow>(StringComparer.Ordinal);
        await foreach (var keyed in generations.ScanAsync(table, null, cancellationToken).ConfigureAwait(false))
        {
            previousRows[keyed.Row.CustomerId] = keyed.Row;
        }

        return previousRows;
    }

    private async Task<OutboxDestinationSummary> WriteDestinationAsync(
        DestinationDefinition destination,
        RunRecord run,
        RunRecord previous,
        IReadOnlyList<CustomerMove> moves,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var followed = moves.Where(m => destination.Follows(m.Segment)
            && (m.Kind == SegmentMoveKind.Entered ? destination.Entered : destination.Exited)).ToList();
        var control = destination.HoldBackControlGroup ? followed.Count(m => ControlGroup.Is(m.Group)) : 0;
        var kept = followed.Where(m => !(destination.HoldBackControlGroup && ControlGroup.Is(m.Group))).ToList();
        var consenting = destination.Consent is { } channel ? kept.Where(m => m.Consent.Allows(channel)).ToList() : kept;
        var ordered = consenting.OrderBy(m => m.Segment, StringComparer.Ordinal).ThenBy(m => m.Kind).ThenBy(m => m.CustomerId, StringComparer.Ordinal).ToList();

        var records = new List<DeliveryRecord>();
        var batch = 0;
        foreach (var chunk in ordered.Chunk(destination.BatchSize))
        {
            var key = new DeliveryKey(destination.Name, run.RunId, batch++);
            var blob = OutboxPayloadStore.BlobNameOf(key);
            var payload = DeliveryEvents.EncodeBatch(chunk.Select(m => DeliveryEvents.Of(m, destination, run.RunId, previous.RunId, now)));
            await payloads.WriteAsync(blob, payload, cancellationToken).ConfigureAwait(false);
            records.Add(new DeliveryRecord
            {
                Key = key,
                Status = DeliveryStatus.Pending,
                Events = chunk.Length,
                Entered = chunk.Count(m => m.Kind == SegmentMoveKind.Entered),
                Exited = chunk.Count(m => m.Kind == SegmentMoveKind.Exited),
                PayloadBlob = blob,
                CreatedAt = now,
            });
        }

        await ledger.AddAsync(records, cancellationToken).ConfigureAwait(false);
        foreach (var record in records)
        {
            await queue.EnqueueAsync(record.Key, cancellationToken).ConfigureAwait(false);
        }

        LogWritten(run.RunId, destination.Name, records.Count, ordered.Count, control, kept.Count - consenting.Count);
        return new OutboxDestinationSummary(destination.Name, records.Count, ordered.Count, control, kept.Count - consenting.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: previous run {PreviousRunId} has {PreviousBuckets} partitions, not {Buckets}: its rows are read whole for the outbox")]
    private partial void LogPreviousReadWhole(string runId, string previousRunId, int previousBuckets, int buckets);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: no moves to deliver (no succeeded run before it, or no webhook or Event Grid destination)")]
    private partial void LogNoMoves(string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: audience files of {Destination} written for {Segments} segments")]
    private partial void LogAudienceFiles(string runId, string destination, int segments);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: destinations: {Problem}")]
    private partial void LogProblem(string runId, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: outbox of {Destination}: {Deliveries} deliveries, {Events} events ({Control} control-group and {NoConsent} non-consenting moves held back)")]
    private partial void LogWritten(string runId, string destination, int deliveries, int events, int control, int noConsent);
}
