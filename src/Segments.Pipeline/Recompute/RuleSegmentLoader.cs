using Segments.Core.Rules;
using Segments.Storage.Blobs;

namespace Segments.Pipeline.Recompute;

/// <summary>
/// Reads the store's rule segments from <c>config/segments.json</c> at every run. Valid definitions are
/// evaluated; each invalid one is reported with its position in the run record, never fatal to the run.
/// </summary>
public sealed class RuleSegmentLoader(ConfigStore config)
{
    /// <summary>Blob name of the definitions in the <c>config</c> container.</summary>
    public const string BlobName = "segments.json";

    /// <summary>The usable rule segments and the problems of the others (none when the file is absent).</summary>
    public async Task<(IReadOnlyList<RuleSegment> Segments, IReadOnlyList<string> Errors)> LoadAsync(CancellationToken cancellationToken)
    {
        var json = await config.ReadTextAsync(BlobName, cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            return ([], []);
        }

        var set = SegmentDefinitionLoader.Load(json);
        return (set.Segments, set.Errors.Select(e => e.ToString()).ToList());
    }
}
