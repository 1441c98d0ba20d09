using Segments.Storage.Batches;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Queries;

/// <summary>The HTTP-triggered use cases: read-only answers from the active run and the ledgers.</summary>
public sealed class SegmentQueries(RunLedger runs, BatchLedger batches, GenerationStore generations)
{
    /// <summary>A customer's segments in the generation of <paramref name="active"/>; null when the run has no such customer.</summary>
    public async Task<CustomerLookup?> GetCustomerAsync(ActiveRun active, string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(active);
        var row = await generations.GetAsync(active.GenerationTable, active.BucketCount, customerId, cancellationToken).ConfigureAwait(false);
        // The run record holds what explanations need (cut points, thresholds, centroids); one more point read.
        var run = row is null ? null : await runs.GetAsync(active.RunId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToLookup(active, row, run);
    }

    /// <summary>
    /// What the API shows of a customer row of <paramref name="active"/>'s generation; memberships with their
    /// explanations and A/B groups need the run record (<paramref name="run"/>), without it they are left out.
    /// </summary>
    public static CustomerLookup ToLookup(ActiveRun active, CustomerSegmentRow row, RunRecord? run) =>
            new CustomerLookup(row.CustomerId, active.RunId, active.AsOf, new RfmView(row.RecencyDays, row.Frequency, row.Monetary, row.R, row.F, row.M, row.Code, row.Segment))
            {
                FirstOrderDate = row.FirstOrderDate,
                LastOrderDate = row.LastOrderDate,
                LifecycleStage = row.LifecycleStage,
                Cluster = row.Cluster,
                RuleSegments = row.RuleSegments,
                Predictive = row.Prediction,
                Memberships = run is null ? [] : MembershipExplainer.Explain(row, run),
                PredictiveExplanation = run is null ? null : MembershipExplainer.ExplainPrediction(row, run),
                Profile = row.Profile,
                Consent = Core.Profiles.MarketingConsent.Of(row.Profile),
                Behaviour = row.Behaviour,
            };

    /// <summary>Segment sizes of the active run; null before the first successful run.</summary>
    public async Task<SegmentList?> GetSegmentsAsync(CancellationToken cancellationToken)
    {
        var active = await runs.GetActiveAsync(cancellationToken).ConfigureAwait(false);
        var run = active is null ? null : await runs.GetAsync(active.RunId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return null;
        }

        var reach = run.Reachable.ToDictionary(r => r.Segment, StringComparer.Ordinal);
        List<SegmentSummary> Summaries(SegmentKind kind, IEnumerable<SegmentSize> sizes) =>
            sizes.Select(s => Reached(new SegmentSummary(s.Name, s.Customers) { Id = new SegmentRef(kind, s.Name).Id }, reach)).ToList();
        return new SegmentList(run.RunId, run.AsOf, Summaries(SegmentKind.Rfm, run.Segments))
        {
            LifecycleStages = Summaries(SegmentKind.Lifecycle, run.LifecycleStages),
            LifecycleThresholds = run.LifecycleThresholds,
            Clusters = run.Clusters,
            ClusterSegments = Summaries(SegmentKind.Cluster, run.Clusters.Select(c => new SegmentSize(c.Cluster.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Size))),
            RuleSegments = Summaries(SegmentKind.Rule, run.RuleSegments),
            BehaviourSegments = Summaries(SegmentKind.Behaviour, run.BehaviourSegments),
            RuleErrors = run.RuleErrors,
            ProductCatalogErrors = run.ProductCatalogErrors,
            Predictions = run.Predictions,
            Experiments = run.Experiments,
            ExperimentErrors = run.ExperimentErrors,
        };
    }

    private static SegmentSummary Reached(SegmentSummary summary, Dictionary<string, SegmentReach> reach) =>
        reach.TryGetValue(summary.Id!, out var r) ? summary with { ReachableByEmail = r.Email, ReachableBySms = r.Sms } : summary;

    /// <summary>One run, or null.</summary>
    public Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken) => runs.GetAsync(runId, cancellationToken);

    /// <summary>Every run, newest first.</summary>
    public Task<IReadOnlyList<RunRecord>> ListRunsAsync(CancellationToken cancellationToken) => runs.ListAsync(cancellationToken);

    /// <summary>The Batches ledger's rows of order exports.</summary>
    public Task<IReadOnlyList<BatchRecord>> ListOrderBatchesAsync(CancellationToken cancellationToken) => batches.ListAsync(cancellationToken);

    /// <summary>The Batches ledger: order exports, then customer exports, then behaviour-event exports (each row says its <c>kind</c>).</summary>
    public async Task<IReadOnlyList<BatchRecord>> ListBatchesAsync(CancellationToken cancellationToken) =>
        [
            .. await batches.ListAsync(cancellationToken).ConfigureAwait(false),
            .. await batches.ListAsync(BatchKind.Profiles, cancellationToken).ConfigureAwait(false),
            .. await batches.ListAsync(BatchKind.Events, cancellationToken).ConfigureAwait(false),
        ];
}
