using System.Text.Json;
using Microsoft.Extensions.Options;
using Segments.Core.Cohorts;
using Segments.Core.Experiments;
using Segments.Core.Scale;
using Segments.Core.Segmentation;
using Segments.Core.Transactions;
using Segments.Pipeline.Recompute;
using Segments.Pipeline.State;
using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;
using Segments.Storage.Generations;
using Segments.Storage.Runs;
using Segments.Storage.State;

namespace Segments.Pipeline.Scale;

/// <summary>
/// One customer bucket's share of a bucketed run, given only the run id and the bucket index: what it needs beyond
/// them it reads from storage (the run's date from its ledger row, the bucket's lines from the state the run brought
/// up to date, the merged summary and spend tiers from <see cref="RunWorkBlobs"/>), so any process may do it, in any
/// order within a pass, and again: a repeated call writes the same bytes under the same names.
/// Pass 1 reads the bucket's lines from the state and keeps a copy for the run (<see cref="RunWorkBlobs.LinesOf"/>);
/// the later passes and the recommender read that copy (<see cref="ReadRunLinesAsync"/>): one blob in a compact form
/// instead of the state's base, deltas and replaced orders, decoded again by every pass (what grew with the history).
/// One bucket's lines are held at a time and dropped when the call returns.
/// </summary>
public sealed class BucketWork(
    RunLedger runs,
    BucketStateStore stateStore,
    RunStateReader state,
    RunWorkBlobs blobs,
    RuleSegmentLoader ruleSegments,
    BatchLedger batches,
    NormalizedBatchStore normalized,
    IOptions<PredictionOptions> predictionOptions,
    GenerationStore generations,
    IOptions<ExperimentOptions> experimentOptions)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ProfileBatchReader _profileBatches = new(batches, normalized);

    // What every bucket of the current run shares, read or fitted once per process and run.
    private RunContext? _context;

    /// <summary>Pass 1: summarises the bucket's lines into its summary blob; returns the lines it folded in.</summary>
    public async Task<long> SummariseAsync(string runId, int bucket, CancellationToken cancellationToken)
    {
        var context = await ContextAsync(runId, cancellationToken).ConfigureAwait(false);
        var lines = await ReadLinesAsync(context, bucket, cancellationToken).ConfigureAwait(false);
        await blobs.WriteAsync(RunWorkBlobs.LinesOf(runId, bucket), BucketLinesFormat.ToBytes(lines), cancellationToken).ConfigureAwait(false);
        var summary = BucketedScoring.Summarise(bucket, lines, context.AsOf, predictionOptions.Value);
        await blobs.WriteAsync(RunWorkBlobs.SummaryOf(runId, bucket), PopulationSummaryFormat.ToBytes(summary), cancellationToken).ConfigureAwait(false);
        return summary.LinesAdded;
    }

    /// <summary>Pass 2: ranks the bucket's predicted customers for the spend tiers, into its ranking blob.</summary>
    public async Task RankAsync(string runId, int bucket, CancellationToken cancellationToken)
    {
        var context = await ContextAsync(runId, cancellationToken).ConfigureAwait(false);
        var model = await ModelAsync(context, withSpendTiers: false, cancellationToken).ConfigureAwait(false);
        var lines = await ReadRunLinesAsync(runId, bucket, cancellationToken).ConfigureAwait(false);
        var ranking = BucketedScoring.Rank(lines, model);
        await blobs.WriteAsync(RunWorkBlobs.RankingOf(runId, bucket), SpendRankFormat.ToBytes(ranking), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Pass 3: scores the bucket's customers, writes their rows to the bucket's partition of the run's generation table
    /// (<see cref="GenerationStore.TableNameFor"/>, created by the run) and what the run needs of them to the bucket's
    /// outcome blob; returns the outcome. The rows are dropped when the call returns.
    /// </summary>
    public async Task<BucketOutcome> ScoreAsync(string runId, int bucket, CancellationToken cancellationToken)
    {
        var context = await ContextAsync(runId, cancellationToken).ConfigureAwait(false);
        var model = await ModelAsync(context, withSpendTiers: true, cancellationToken).ConfigureAwait(false);
        var experiments = await ExperimentsAsync(context, cancellationToken).ConfigureAwait(false);
        var lines = await ReadRunLinesAsync(runId, bucket, cancellationToken).ConfigureAwait(false);
        var inputs = context.Inputs;
        var profiles = inputs.Profiles.Newest;
        var customers = BucketedScoring.Score(lines, model, inputs.Rules.Segments, profiles, inputs.Rules.Products);
        var frame = BucketSegmentFrame.Of(context.Run, model, inputs.Rules.Segments);
        var (rows, outcome) = BucketRows.Of(bucket, customers, lines, frame, experiments, experimentOptions.Value.HashKey, profiles, context.CohortDimensions);
        await generations.WritePartitionAsync(GenerationStore.TableNameFor(runId), bucket, context.Manifest.BucketCount, rows, cancellationToken).ConfigureAwait(false);
        await blobs.WriteAsync(RunWorkBlobs.OutcomeOf(runId, bucket), JsonSerializer.SerializeToUtf8Bytes(outcome), cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>The outcome a pass-3 item wrote for <paramref name="bucket"/>, as the run reads it back.</summary>
    public async Task<BucketOutcome> ReadOutcomeAsync(string runId, int bucket, CancellationToken cancellationToken)
    {
        var name = RunWorkBlobs.OutcomeOf(runId, bucket);
        return JsonSerializer.Deserialize<BucketOutcome>(await blobs.ReadAsync(name, cancellationToken).ConfigureAwait(false))
            ?? throw new InvalidDataException($"{RunWorkBlobs.Describe(name)} holds no bucket outcome");
    }

    /// <summary>The rules, profiles and model of <paramref name="runId"/> as the scoring passes see them.</summary>
    internal async Task<(BucketRunInputs Inputs, PopulationModel Model)> InputsAndModelAsync(string runId, CancellationToken cancellationToken)
    {
        var context = await ContextAsync(runId, cancellationToken).ConfigureAwait(false);
        return (context.Inputs, await ModelAsync(context, withSpendTiers: true, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The lines of <paramref name="bucket"/> as pass 1 of <paramref name="runId"/> read them from the state, in the same order.</summary>
    public async Task<List<TransactionLine>> ReadRunLinesAsync(string runId, int bucket, CancellationToken cancellationToken)
    {
        var name = RunWorkBlobs.LinesOf(runId, bucket);
        return BucketLinesFormat.FromBytes(await blobs.ReadAsync(name, cancellationToken).ConfigureAwait(false), RunWorkBlobs.Describe(name));
    }

    private async Task<List<TransactionLine>> ReadLinesAsync(RunContext context, int bucket, CancellationToken cancellationToken)
    {
        if (bucket < 0 || bucket >= context.Manifest.BucketCount)
        {
            throw new ArgumentOutOfRangeException(nameof(bucket), bucket, $"the state has buckets 0 to {context.Manifest.BucketCount - 1}");
        }

        var lines = await state.ReadBucketAsync(context.Manifest, bucket, cancellationToken).ConfigureAwait(false);
        return lines.ConvertAll(l => l.Line);
    }

    private async Task<RunContext> ContextAsync(string runId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_context is { } known && known.RunId == runId)
            {
                return known;
            }

            var run = await runs.GetAsync(runId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"run {runId} is not in the run ledger");
            var stored = await stateStore.GetManifestAsync(StateLayout.PrefixOf(StateLayout.DefaultStore), cancellationToken).ConfigureAwait(false);
            var manifest = stored.Manifest
                ?? throw new InvalidOperationException($"run {runId}: the state has no readable manifest ({stored.Unreadable ?? "none written yet"}); the run brings it up to date before its buckets are worked on");
            var rules = await ruleSegments.LoadAsync(cancellationToken).ConfigureAwait(false);
            var (profiles, profileBatchesRead) = await _profileBatches.ReadAsync(cancellationToken).ConfigureAwait(false);
            // As the whole-population run: a cohort table per dimension some profile carries.
            var dimensions = CohortDimensions.All.Where(d => profiles.Newest is { } known && known.Values.Any(p => CohortDimensions.ValueOf(d, p) is not null)).ToList();
            _context = new RunContext(run, manifest, new BucketRunInputs(rules, profiles, profileBatchesRead), dimensions);
            return _context;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<PopulationModel> ModelAsync(RunContext context, bool withSpendTiers, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (context.Model is null)
            {
                var name = RunWorkBlobs.MergedSummaryOf(context.RunId);
                var merged = PopulationSummaryFormat.FromBytes(await blobs.ReadAsync(name, cancellationToken).ConfigureAwait(false), name);
                context.Model = BucketedScoring.Fit(merged, predictionOptions.Value);
            }

            if (withSpendTiers && context.Model.SpendTiers is null)
            {
                var name = RunWorkBlobs.SpendTiersOf(context.RunId);
                context.Model = context.Model with { SpendTiers = SpendRankFormat.CutsFromBytes(await blobs.ReadAsync(name, cancellationToken).ConfigureAwait(false), name) };
            }

            return context.Model;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<BucketExperiments> ExperimentsAsync(RunContext context, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (context.Experiments is null)
            {
                var name = RunWorkBlobs.ExperimentsOf(context.RunId);
                context.Experiments = JsonSerializer.Deserialize<BucketExperiments>(await blobs.ReadAsync(name, cancellationToken).ConfigureAwait(false))
                    ?? throw new InvalidDataException($"{RunWorkBlobs.Describe(name)} holds no experiments");
            }

            return context.Experiments;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed class RunContext(RunRecord run, StateManifest manifest, BucketRunInputs inputs, IReadOnlyList<string> cohortDimensions)
    {
        public RunRecord Run { get; } = run;

        public string RunId => Run.RunId;

        public DateOnly AsOf => Run.AsOf;

        public IReadOnlyList<string> CohortDimensions { get; } = cohortDimensions;

        // Read once per process from the blob the run wrote before pass 3.
        public BucketExperiments? Experiments { get; set; }

        public StateManifest Manifest { get; } = manifest;

        public BucketRunInputs Inputs { get; } = inputs;

        // Fitted once per process from the merged summary (deterministic, so every worker holds the same model).
        public PopulationModel? Model { get; set; }
    }
}
