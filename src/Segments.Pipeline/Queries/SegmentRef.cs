using System.Globalization;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Queries;

/// <summary>The families of segments a run computes.</summary>
public enum SegmentKind
{
    /// <summary>Named RFM segments (Champions ... Lost).</summary>
    Rfm,

    /// <summary>Lifecycle stages (New, Active, At Risk ...).</summary>
    Lifecycle,

    /// <summary>Behavioural clusters, named by number.</summary>
    Cluster,

    /// <summary>The store's rule segments of <c>config/segments.json</c>.</summary>
    Rule,

    /// <summary>The built-in behaviour segments from events (Cart Abandoners, Browse Abandoners, Prospects).</summary>
    Behaviour,
}

/// <summary>
/// One segment of a run, named across families. Its id is <c>kind:name</c> (<c>rfm:Champions</c>,
/// <c>lifecycle:At Risk</c>, <c>cluster:2</c>, <c>rule:Big spenders UK</c>); a bare name is accepted
/// wherever it names one segment only, because "Lost" is both an RFM segment and a lifecycle stage.
/// </summary>
public sealed record SegmentRef(SegmentKind Kind, string Name)
{
    /// <summary>The qualified id, as the API lists it and accepts it.</summary>
    public string Id => $"{Prefix(Kind)}:{Name}";

    /// <summary>Whether a customer row of the run belongs to this segment.</summary>
    public bool Contains(CustomerSegmentRow row) => Kind switch
    {
        SegmentKind.Rfm => string.Equals(row.Segment, Name, StringComparison.Ordinal),
        SegmentKind.Lifecycle => string.Equals(row.LifecycleStage, Name, StringComparison.Ordinal),
        SegmentKind.Cluster => row.Cluster is { } cluster && cluster.ToString(CultureInfo.InvariantCulture) == Name,
        SegmentKind.Rule => row.RuleSegments.Contains(Name, StringComparer.Ordinal),
        SegmentKind.Behaviour => row.BehaviourSegments.Contains(Name, StringComparer.Ordinal),
        _ => false,
    };

    /// <summary>Every segment a run computed, RFM first, in the order the run lists them.</summary>
    public static IReadOnlyList<SegmentRef> InRun(RunRecord run) =>
    [
        .. run.Segments.Select(s => new SegmentRef(SegmentKind.Rfm, s.Name)),
        .. run.LifecycleStages.Select(s => new SegmentRef(SegmentKind.Lifecycle, s.Name)),
        .. run.Clusters.Select(c => new SegmentRef(SegmentKind.Cluster, c.Cluster.ToString(CultureInfo.InvariantCulture))),
        .. run.RuleSegments.Select(s => new SegmentRef(SegmentKind.Rule, s.Name)),
        .. run.BehaviourSegments.Select(s => new SegmentRef(SegmentKind.Behaviour, s.Name)),
    ];

    /// <summary>
    /// Finds the segment a request names in a run: a qualified id or a bare name, ignoring case. Returns
    /// the segment, or null with every candidate when the bare name is ambiguous (none when unknown).
    /// </summary>
    public static (SegmentRef? Segment, IReadOnlyList<SegmentRef> Candidates) Resolve(string requested, RunRecord run)
    {
        var segments = InRun(run);
        var colon = requested.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && TryParseKind(requested[..colon], out var kind))
        {
            var name = requested[(colon + 1)..];
            var qualified = segments.FirstOrDefault(s => s.Kind == kind && string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
            return (qualified, qualified is null ? [] : [qualified]);
        }

        var matches = segments.Where(s => string.Equals(s.Name, requested, StringComparison.OrdinalIgnoreCase)).ToList();
        return (matches.Count == 1 ? matches[0] : null, matches);
    }

    private static string Prefix(SegmentKind kind) => kind switch
    {
        SegmentKind.Rfm => "rfm",
        SegmentKind.Lifecycle => "lifecycle",
        SegmentKind.Cluster => "cluster",
        SegmentKind.Behaviour => "behaviour",
        _ => "rule",
    };

    private static bool TryParseKind(string prefix, out SegmentKind kind)
    {
        foreach (var candidate in Enum.GetValues<SegmentKind>())
        {
            if (string.Equals(Prefix(candidate), prefix, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
