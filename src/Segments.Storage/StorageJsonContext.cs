using System.Text.Json.Serialization;
using Segments.Core.Clustering;
using Segments.Core.Cost;
using Segments.Core.Events;
using Segments.Core.Experiments;
using Segments.Core.Lifecycle;
using Segments.Core.Rfm;
using Segments.Core.SegmentProfiles;
using Segments.Core.Segmentation;
using Segments.Storage.Batches;
using Segments.Storage.Deliveries;
using Segments.Storage.Queues;
using Segments.Storage.Recommendations;
using Segments.Storage.Runs;

namespace Segments.Storage;

/// <summary>
/// The JSON the stores write with System.Text.Json's default options (PascalCase names, default escaping):
/// the JSON columns of the Runs, Batches and generation tables, the outbox and poison queue messages and the segment
/// profile blobs. Generated at compile time so that the CLI can be compiled ahead of time (Native AOT) without
/// reflection, which trimming cannot see through (bench/README.md, "Cold start (issue 17)"). These are stored
/// formats: <c>StorageJsonContextTests</c> checks that every type here writes and reads exactly as the reflection
/// serializer did. Each type is listed as the stores declare it (a property's interface type for writing, the
/// concrete collection they read into), since the static type decides how a value is written.
/// </summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, long>))]
[JsonSerializable(typeof(Dictionary<string, long>))]
[JsonSerializable(typeof(IReadOnlyList<SegmentSize>))]
[JsonSerializable(typeof(List<SegmentSize>))]
[JsonSerializable(typeof(IReadOnlyList<IReadOnlyList<int>>))]
[JsonSerializable(typeof(List<List<int>>))]
[JsonSerializable(typeof(IReadOnlyList<SegmentReach>))]
[JsonSerializable(typeof(List<SegmentReach>))]
[JsonSerializable(typeof(IReadOnlyList<ClusterSummary>))]
[JsonSerializable(typeof(List<ClusterSummary>))]
[JsonSerializable(typeof(IReadOnlyList<ExperimentSummary>))]
[JsonSerializable(typeof(List<ExperimentSummary>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(ProfileRunSummary))]
[JsonSerializable(typeof(LifecycleThresholds))]
[JsonSerializable(typeof(PredictionSummary))]
[JsonSerializable(typeof(RecommendationRunSummary))]
[JsonSerializable(typeof(UsageReport))]
[JsonSerializable(typeof(CostBreakdown))]
[JsonSerializable(typeof(RfmCutPoints))]
[JsonSerializable(typeof(RfmFeatureScaling))]
[JsonSerializable(typeof(ProfileBatchSummary))]
[JsonSerializable(typeof(IReadOnlyList<ExperimentAssignment>))]
[JsonSerializable(typeof(List<ExperimentAssignment>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, IReadOnlyList<string>>))]
[JsonSerializable(typeof(Dictionary<string, IReadOnlyList<string>>))]
[JsonSerializable(typeof(CustomerBehaviour))]
[JsonSerializable(typeof(DeliveryKey))]
[JsonSerializable(typeof(PoisonMessage))]
[JsonSerializable(typeof(SegmentProfileSet))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
