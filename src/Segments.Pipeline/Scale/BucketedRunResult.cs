using Segments.Core.Segmentation;
using Segments.Core.Transactions;

namespace Segments.Pipeline.Scale;

/// <summary>What a bucketed run's read and score stages give the rest of the run.</summary>
/// <param name="Result">Every customer scored, as the whole-population engine gives them.</param>
/// <param name="LinesAdded">Lines folded in (on or before the run's date).</param>
/// <param name="BatchesMerged">Order batches the state holds.</param>
/// <param name="Inputs">The rules, profiles and products the buckets were scored with.</param>
/// <param name="Buckets">The state's customer buckets.</param>
/// <param name="BucketLines">Reads one bucket's lines again from the state (the recommender's later passes).</param>
public sealed record BucketedRunResult(
    SegmentationResult Result,
    long LinesAdded,
    int BatchesMerged,
    BucketRunInputs Inputs,
    int Buckets,
    Func<int, CancellationToken, Task<IReadOnlyList<TransactionLine>>> BucketLines);
