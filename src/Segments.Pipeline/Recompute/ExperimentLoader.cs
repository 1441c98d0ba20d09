using Segments.Core.Experiments;
using Segments.Storage.Blobs;

namespace Segments.Pipeline.Recompute;

/// <summary>
/// Reads the store's A/B experiments from <c>config/experiments.json</c> at every run. Like
/// <see cref="RuleSegmentLoader"/>: invalid entries are reported in the run record, never fatal.
/// </summary>
public sealed class ExperimentLoader(ConfigStore config)
{
    /// <summary>Blob name of the experiments in the <c>config</c> container.</summary>
    public const string BlobName = "experiments.json";

    /// <summary>The valid experiments and the problems of the others (none when the file is absent).</summary>
    public async Task<ExperimentDefinitionSet> LoadAsync(CancellationToken cancellationToken)
    {
        var json = await config.ReadTextAsync(BlobName, cancellationToken).ConfigureAwait(false);
        return json is null ? new ExperimentDefinitionSet([], []) : ExperimentDefinitionLoader.Load(json);
    }
}
