using Segments.Core.Experiments;

namespace Segments.Pipeline.Scale;

/// <summary>
/// The experiments of a bucketed run, resolved once by the run against its segments and read by every bucket's worker
/// (<see cref="RunWorkBlobs.ExperimentsOf"/>), so all buckets assign groups from the same definitions.
/// </summary>
/// <param name="Applied">The experiments applied, each naming its segment by id (<c>rfm:Champions</c>).</param>
/// <param name="Errors">Experiments that could not be applied, and why.</param>
public sealed record BucketExperiments(IReadOnlyList<ExperimentDefinition> Applied, IReadOnlyList<string> Errors);
