using Segments.Storage.Blobs;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Queries;

/// <summary>Segment profiles of the active run.</summary>
public sealed class SegmentProfileQueries(RunLedger runs, SegmentProfileStore profiles)
{
    /// <summary>The profile of the segment <paramref name="name"/> (an id such as <c>rfm:Champions</c> or an unambiguous bare name).</summary>
    public async Task<SegmentProfileLookup> GetAsync(string name, CancellationToken cancellationToken)
    {
        var active = await runs.GetActiveAsync(cancellationToken).ConfigureAwait(false);
        var run = active is null ? null : await runs.GetAsync(active.RunId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return new SegmentProfileLookup(null, null, [], null);
        }

        var (segment, candidates) = SegmentRef.Resolve(name, run);
        if (segment is null)
        {
            return new SegmentProfileLookup(run, null, candidates, null);
        }

        var set = await profiles.ReadAsync(run.RunId, cancellationToken).ConfigureAwait(false);
        var profile = set?.Profiles.FirstOrDefault(p => string.Equals(p.Segment, segment.Id, StringComparison.Ordinal));
        return new SegmentProfileLookup(run, segment, candidates, profile);
    }
}
