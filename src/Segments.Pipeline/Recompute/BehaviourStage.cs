using Segments.Core.Events;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;

namespace Segments.Pipeline.Recompute;

/// <summary>
/// The run's behaviour stage: reads the accepted events batches (a GA4 day re-exported later replaces that day, a
/// messageId counts once, the newest batch's copy winning), resolves identities, builds the order book from the
/// order exports plus <c>Order Completed</c> events (an order id once) and computes the <c>behaviour:</c> segments
/// as of the run's date (docs/behaviour-events.md).
/// </summary>
internal sealed class BehaviourStage(BatchLedger batches, NormalizedBatchStore normalized)
{
    /// <summary>The behaviour segments and facts; <see cref="BehaviourRun.None"/> when no events batch was accepted.</summary>
    public async Task<BehaviourRun> ComputeAsync(DateOnly asOf, IEnumerable<CustomerOrder> exportedOrders, BehaviourSettings settings, CancellationToken cancellationToken)
    {
        var accepted = (await batches.ListAsync(BatchKind.Events, cancellationToken).ConfigureAwait(false))
            .Where(b => b.Status == BatchStatus.Accepted && b.NormalizedBlob is not null)
            .OrderBy(b => b.AcceptedAt ?? b.ReceivedAt)
            .ThenBy(b => b.BlobName, StringComparer.Ordinal)
            .ToList();
        if (accepted.Count == 0)
        {
            return BehaviourRun.None;
        }

        var read = new List<EventBatch>(accepted.Count);
        for (var i = 0; i < accepted.Count; i++)
        {
            var events = new List<BehaviourEvent>();
            var stream = await normalized.OpenReadAsync(accepted[i].NormalizedBlob!, cancellationToken).ConfigureAwait(false);
            using (var reader = new StreamReader(stream, NormalizedEventFormat.Encoding))
            {
                await foreach (var item in NormalizedEventFormat.ReadAsync(reader, cancellationToken).ConfigureAwait(false))
                {
                    events.Add(item);
                }
            }

            read.Add(new EventBatch(i, events));
        }

        // Newest batch first, so that the de-duplication keeps the newest copy of a re-delivered message.
        var latest = SourceDayReplacement.LatestOfEachDay(read).Reverse();
        var resolved = EventIdentityResolver.Resolve(latest, asOf);
        var orders = OrderBook.Build(exportedOrders, resolved, asOf);
        var result = new BehaviourSegmenter(settings).Compute(resolved, orders, asOf);
        return new BehaviourRun(result, resolved, accepted.Count);
    }
}
