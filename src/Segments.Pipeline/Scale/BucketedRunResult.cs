using Segments.Core.Scale;
using Segments.Core.Transactions;

namespace Segments.Pipeline.Scale;

/// <summary>What a bucketed run's read and score stages give the rest of the run: its rows are already written.</summary>
/// <param name="Totals">Every bucket's outcome added up.</param>
/// <param name="Model">The population model the buckets were scored with.</param>
/// <param name="LinesAdded">Lines folded in (on or before the run's date).</param>
/// <param name="BatchesMerged">Order batches the state holds.</param>
/// <param name="Inputs">The rules, profiles and products the buckets were scored with.</param>
/// <param name="GenerationTable">The generation table the buckets wrote.</param>
/// <param name="BucketCount">Its customer buckets (partitions).</param>
/// <param name="Experiments">The experiments the buckets assigned groups in.</param>
/// <param name="BucketLines">Reads one bucket's lines again, from the copy pass 1 kept (the recommender's later passes); <see cref="BucketedRun.DropWorkAsync"/> removes it.</param>
public sealed record BucketedRunResult(
    BucketedRunTotals Totals,
    PopulationModel Model,
    long LinesAdded,
    int BatchesMerged,
    BucketRunInputs Inputs,
    string GenerationTable,
    int BucketCount,
    BucketExperiments Experiments,
    Func<int, CancellationToken, Task<IReadOnlyList<TransactionLine>>> BucketLines);
