using Segments.Core.Profiles;
using Segments.Pipeline.Queries;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Delivery;

/// <summary>
/// Who entered and who left which segment between two runs: the sets <c>GET /api/segments/{name}/changes</c> returns
/// for each segment, with the same A/B group and consent rules. Segments are those <see cref="SegmentRef.InRun"/> lists,
/// so a family added to the run is covered without a change here.
/// </summary>
public static class SegmentMoves
{
    /// <summary>
    /// The moves of every segment in <paramref name="wanted"/> from <paramref name="previousRows"/> (the previous succeeded
    /// run's customers) to <paramref name="currentRows"/> (this run's).
    /// </summary>
    public static IReadOnlyList<CustomerMove> Between(
        RunRecord previous,
        IReadOnlyDictionary<string, CustomerSegmentRow> previousRows,
        RunRecord current,
        IReadOnlyList<CustomerSegmentRow> currentRows,
        Func<string, bool> wanted)
    {
        ArgumentNullException.ThrowIfNull(previousRows);
        ArgumentNullException.ThrowIfNull(currentRows);
        ArgumentNullException.ThrowIfNull(wanted);
        var before = SegmentRef.InRun(previous).Where(s => wanted(s.Id)).ToList();
        var after = SegmentRef.InRun(current).Where(s => wanted(s.Id)).ToList();
        var segments = after.Concat(before).DistinctBy(s => s.Id, StringComparer.Ordinal).ToList();
        var allNow = SegmentRef.InRun(current);
        var moves = new List<CustomerMove>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in currentRows)
        {
            seen.Add(row.CustomerId);
            var old = previousRows.GetValueOrDefault(row.CustomerId);
            IReadOnlyList<string>? memberships = null;
            foreach (var segment in segments)
            {
                var isIn = segment.Contains(row);
                var wasIn = old is not null && segment.Contains(old);
                if (isIn == wasIn)
                {
                    continue;
                }

                memberships ??= allNow.Where(s => s.Contains(row)).Select(s => s.Id).ToList();
                moves.Add(new CustomerMove(row.CustomerId, segment.Id, isIn ? SegmentMoveKind.Entered : SegmentMoveKind.Exited)
                {
                    Group = GroupIn(isIn ? row : old!, segment.Id),
                    Consent = MarketingConsent.Of(row.Profile),
                    Memberships = memberships,
                });
            }
        }

        // Customers this run no longer scores left every segment they were in.
        foreach (var (customerId, old) in previousRows)
        {
            if (seen.Contains(customerId))
            {
                continue;
            }

            foreach (var segment in segments.Where(s => s.Contains(old)))
            {
                moves.Add(new CustomerMove(customerId, segment.Id, SegmentMoveKind.Exited)
                {
                    Group = GroupIn(old, segment.Id),
                    Consent = MarketingConsent.Of(old.Profile),
                });
            }
        }

        return moves;
    }

    private static string? GroupIn(CustomerSegmentRow row, string segmentId) =>
        row.ExperimentGroups.FirstOrDefault(g => string.Equals(g.Segment, segmentId, StringComparison.Ordinal))?.Group;
}
