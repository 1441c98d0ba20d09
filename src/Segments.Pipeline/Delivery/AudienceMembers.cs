using Segments.Core.Destinations;
using Segments.Core.Profiles;
using Segments.Pipeline.Queries;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Delivery;

/// <summary>
/// An <c>audience-files</c> destination's members of each followed segment in this run and in the previous succeeded
/// one (filtered as deliveries are: consent, control group), collected from all rows at once or bucket by bucket (a
/// customer's rows of both runs are in the same bucket). Only the ids are kept.
/// </summary>
public sealed class AudienceMembers
{
    private readonly DestinationDefinition _destination;

    /// <summary>The followed segments of either run, with their members now and before.</summary>
    /// <param name="destination">The destination.</param>
    /// <param name="run">This run (its segment lists).</param>
    /// <param name="previous">The previous succeeded run; null on the first run.</param>
    public AudienceMembers(DestinationDefinition destination, RunRecord run, RunRecord? previous)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(run);
        _destination = destination;
        Segments = SegmentRef.InRun(run).Concat(previous is null ? [] : SegmentRef.InRun(previous))
            .Where(s => destination.Follows(s.Id))
            .DistinctBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => new AudienceSegment(s))
            .ToList();
    }

    /// <summary>The followed segments, in run order.</summary>
    public IReadOnlyList<AudienceSegment> Segments { get; }

    /// <summary>Adds the members among <paramref name="rows"/> (this run's) and <paramref name="previousRows"/> (the previous run's).</summary>
    public void Add(IEnumerable<CustomerSegmentRow> rows, IEnumerable<CustomerSegmentRow> previousRows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(previousRows);
        foreach (var row in rows)
        {
            foreach (var segment in Segments.Where(s => Included(row, s.Segment)))
            {
                segment.Now.Add(row.CustomerId);
            }
        }

        foreach (var row in previousRows)
        {
            foreach (var segment in Segments.Where(s => Included(row, s.Segment)))
            {
                segment.Before.Add(row.CustomerId);
            }
        }
    }

    private bool Included(CustomerSegmentRow row, SegmentRef segment)
    {
        if (!segment.Contains(row))
        {
            return false;
        }

        var group = row.ExperimentGroups.FirstOrDefault(g => string.Equals(g.Segment, segment.Id, StringComparison.Ordinal))?.Group;
        return !(_destination.HoldBackControlGroup && ControlGroup.Is(group))
            && (_destination.Consent is not { } channel || MarketingConsent.Of(row.Profile).Allows(channel));
    }
}
