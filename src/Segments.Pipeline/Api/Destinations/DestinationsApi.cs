using Segments.Core.Destinations;
using Segments.Core.Profiles;
using Segments.Pipeline.Delivery;
using Segments.Pipeline.Queries;
using Segments.Storage.Deliveries;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Api.Destinations;

/// <summary>
/// The destinations routes: their configuration (read, and set with the admin key), delivery counts per run, dead
/// letters, and replay. Secrets are never returned: a view says only whether one is set.
/// </summary>
public sealed class DestinationsApi(DestinationConfig config, DeliveryLedger ledger, OutboxQueue queue, RunLedger runs)
{
    /// <summary><c>GET /api/destinations</c>.</summary>
    public async Task<ApiResponse> ListAsync(CancellationToken cancellationToken)
    {
        var set = await config.LoadAsync(cancellationToken).ConfigureAwait(false);
        return ApiResponse.Ok(await ListOfAsync(set, cancellationToken).ConfigureAwait(false));
    }

    /// <summary><c>GET /api/destinations/{name}</c>; unknown → 404 <c>DestinationNotFound</c>.</summary>
    public async Task<ApiResponse> GetAsync(string name, CancellationToken cancellationToken)
    {
        var destination = (await config.LoadAsync(cancellationToken).ConfigureAwait(false)).Find(name);
        if (destination is null)
        {
            return NotFound(name);
        }

        var deliveries = await ledger.ListAsync(destination.Name, cancellationToken).ConfigureAwait(false);
        var view = await ViewOfAsync(destination, deliveries, cancellationToken).ConfigureAwait(false);
        var deadLetters = deliveries.Where(d => d.Status == DeliveryStatus.DeadLettered)
            .OrderBy(d => d.Key.RunId, StringComparer.Ordinal).ThenBy(d => d.Key.Batch)
            .Select(d => new DeadLetterView(d.Key.WebhookId, d.Key.RunId, d.Key.Batch, d.Events, d.Attempts, d.LastAttemptAt, d.LastError))
            .ToList();
        return ApiResponse.Ok(new DestinationDetail(view, deadLetters));
    }

    /// <summary>
    /// <c>POST /api/destinations/{name}/replay</c> (admin key): resumes a paused destination and queues its dead-lettered
    /// and held deliveries again, with their <c>webhook-id</c>s unchanged.
    /// </summary>
    public async Task<ApiResponse> ReplayAsync(string name, CancellationToken cancellationToken)
    {
        var destination = (await config.LoadAsync(cancellationToken).ConfigureAwait(false)).Find(name);
        if (destination is null)
        {
            return NotFound(name);
        }

        var paused = await ledger.GetPauseAsync(destination.Name, cancellationToken).ConfigureAwait(false) is not null;
        await ledger.ResumeAsync(destination.Name, cancellationToken).ConfigureAwait(false);
        var requeued = 0;
        foreach (var delivery in await ledger.ListAsync(destination.Name, cancellationToken).ConfigureAwait(false))
        {
            // Pending ones with an error were held by the pause (nothing else queues them again); those without are queued already.
            if (delivery.Status == DeliveryStatus.DeadLettered || (delivery.Status == DeliveryStatus.Pending && delivery.LastError is not null))
            {
                await ledger.SaveAsync(delivery with { Status = DeliveryStatus.Pending }, cancellationToken).ConfigureAwait(false);
                await queue.EnqueueAsync(delivery.Key, cancellationToken).ConfigureAwait(false);
                requeued++;
            }
        }

        return ApiResponse.Ok(new ReplayView(destination.Name, requeued, paused));
    }

    /// <summary>
    /// <c>POST /api/destinations</c> (admin key): replaces <c>config/destinations.json</c> with the body. A body that is not
    /// a destinations document is 400 <c>InvalidDestinations</c> and changes nothing; otherwise it is stored, and the
    /// destinations with problems are reported (with their paths) while the others apply.
    /// </summary>
    public async Task<ApiResponse> SetAsync(string body, CancellationToken cancellationToken)
    {
        var set = DestinationLoader.Load(body);
        if (set.Errors.FirstOrDefault(e => e.Index == 0) is { } document)
        {
            return ApiResponse.Error(400, "InvalidDestinations", $"The body is not a destinations document ({document.Path}: {document.Message}); send {{\"destinations\":[...]}} as config/destinations.json holds it.");
        }

        await config.SaveAsync(body, cancellationToken).ConfigureAwait(false);
        return ApiResponse.Ok(await ListOfAsync(set, cancellationToken).ConfigureAwait(false));
    }

    private async Task<DestinationList> ListOfAsync(DestinationSet set, CancellationToken cancellationToken)
    {
        var all = set.Destinations.Count == 0 ? [] : await ledger.ListAllAsync(cancellationToken).ConfigureAwait(false);
        var views = new List<DestinationView>();
        foreach (var destination in set.Destinations)
        {
            var deliveries = all.Where(d => string.Equals(d.Key.Destination, destination.Name, StringComparison.Ordinal)).ToList();
            views.Add(await ViewOfAsync(destination, deliveries, cancellationToken).ConfigureAwait(false));
        }

        return new DestinationList(views, set.Errors.Select(e => new DestinationErrorView(e.Index, e.Name, e.Path, e.Message)).ToList());
    }

    private async Task<DestinationView> ViewOfAsync(DestinationDefinition destination, IReadOnlyList<DeliveryRecord> deliveries, CancellationToken cancellationToken)
    {
        var pause = await ledger.GetPauseAsync(destination.Name, cancellationToken).ConfigureAwait(false);
        var segments = await ActiveSegmentsAsync(cancellationToken).ConfigureAwait(false);
        var runs = deliveries.GroupBy(d => d.Key.RunId, StringComparer.Ordinal)
            .OrderByDescending(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DestinationRunView(
                g.Key,
                g.Count(),
                g.Sum(d => d.Events),
                g.Count(d => d.Status == DeliveryStatus.Sent),
                g.Count(d => d.Status == DeliveryStatus.Pending),
                g.Count(IsFailing),
                g.Count(d => d.Status == DeliveryStatus.DeadLettered),
                g.Count(d => d.Status == DeliveryStatus.Cancelled))
            {
                CostUsd = DeliveryCosts.Sum(g).Total,
                SenderExecutions = g.Sum(d => d.SenderExecutions),
            })
            .ToList();
        return new DestinationView
        {
            Name = destination.Name,
            Kind = DestinationLoader.NameOf(destination.Kind),
            Url = destination.Url?.GetLeftPart(UriPartial.Path),
            SecretSet = destination.Secret is not null,
            Segments = destination.Segments,
            Events = [.. destination.Entered ? ["entered"] : Array.Empty<string>(), .. destination.Exited ? ["exited"] : Array.Empty<string>()],
            Consent = destination.Consent is { } channel ? ConsentChannels.NameOf(channel) : null,
            HoldBackControlGroup = destination.HoldBackControlGroup,
            Fields = DestinationLoader.NameOf(destination.Fields),
            BatchSize = destination.BatchSize,
            UnknownSegments = segments is null ? [] : destination.Segments.Where(p => !segments.Any(id => SegmentPattern.Matches(p, id))).ToList(),
            Paused = pause is not null,
            PausedReason = pause?.Reason,
            Sent = runs.Sum(r => r.Sent),
            Pending = runs.Sum(r => r.Pending),
            Failed = runs.Sum(r => r.Failed),
            DeadLettered = runs.Sum(r => r.DeadLettered),
            EventsSent = deliveries.Where(d => d.Status == DeliveryStatus.Sent).Sum(d => d.Events),
            LastError = deliveries.Where(d => d.LastError is not null && d.Status != DeliveryStatus.Sent).OrderByDescending(d => d.LastAttemptAt).FirstOrDefault()?.LastError,
            Runs = runs,
            CostUsd = DeliveryCosts.Sum(deliveries).Total,
        };
    }

    /// <summary>The active run's segment ids, or null before the first run (nothing to check against).</summary>
    private async Task<IReadOnlyList<string>?> ActiveSegmentsAsync(CancellationToken cancellationToken)
    {
        var active = await runs.GetActiveAsync(cancellationToken).ConfigureAwait(false);
        var run = active is null ? null : await runs.GetAsync(active.RunId, cancellationToken).ConfigureAwait(false);
        return run is null ? null : SegmentRef.InRun(run).Select(s => s.Id).ToList();
    }

    private static bool IsFailing(DeliveryRecord d) => d.Status == DeliveryStatus.Pending && d.LastError is not null;

    private static ApiResponse NotFound(string name) =>
        ApiResponse.Error(404, "DestinationNotFound", $"There is no valid destination '{name}' in config/destinations.json: GET /api/destinations lists them, and the errors of those that do not apply.");
}
