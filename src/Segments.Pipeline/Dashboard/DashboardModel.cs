namespace Segments.Pipeline.Dashboard;

/// <summary>Everything the dashboard shows, host-neutral: each host renders it the same way.</summary>
/// <param name="Active">The active run's segments and R × F grid; null before the first successful run.</param>
/// <param name="Movement">RFM moves between the last two succeeded runs; null when there are not two to compare.</param>
/// <param name="MovementUnavailable">Why <paramref name="Movement"/> is null, in plain words.</param>
/// <param name="Runs">Every run, oldest first, with its duration and cost.</param>
public sealed record DashboardModel(ActiveRunPanel? Active, SegmentMovement? Movement, string? MovementUnavailable, IReadOnlyList<RunPoint> Runs)
{
    /// <summary>Deliveries to activation destinations per run and destination, newest run first; empty without destinations.</summary>
    public IReadOnlyList<RunDeliveries> Deliveries { get; init; } = [];

    /// <summary>The active run's holdout check and cohort retention; null before the first run.</summary>
    public PredictionPanel? Predictions { get; init; }

    /// <summary>Campaign uplift of each experiment the active run (or the run before it) applied; empty without experiments.</summary>
    public IReadOnlyList<ExperimentUplift> Uplift { get; init; } = [];
}

/// <summary>The active run as the dashboard shows it.</summary>
/// <param name="RunId">The run.</param>
/// <param name="AsOf">Its as-of date.</param>
/// <param name="CustomersScored">Customers in the run.</param>
/// <param name="Families">Segment sizes, one family per chart (RFM, lifecycle, rule segments, clusters).</param>
/// <param name="RfGrid">Customers per R score × F score (<c>RfGrid[r - 1][f - 1]</c>); empty for runs recorded before the grid existed.</param>
public sealed record ActiveRunPanel(string RunId, DateOnly AsOf, int CustomersScored, IReadOnlyList<SegmentFamily> Families, IReadOnlyList<IReadOnlyList<int>> RfGrid)
{
    /// <summary>The run's recommender measurement; null when it made none.</summary>
    public Storage.Recommendations.RecommendationRunSummary? Recommendations { get; init; }
}

/// <summary>One family of segments and their sizes.</summary>
/// <param name="Title">What the family is called on the page.</param>
/// <param name="Segments">Its segments, in the order the run lists them.</param>
public sealed record SegmentFamily(string Title, IReadOnlyList<SegmentBar> Segments);

/// <summary>One segment's size.</summary>
/// <param name="Id">The qualified id (<c>rfm:Champions</c>), as the API names it.</param>
/// <param name="Name">The display name.</param>
/// <param name="Customers">Its size.</param>
public sealed record SegmentBar(string Id, string Name, int Customers)
{
    /// <summary>Members reachable by e-mail (consented), as the run counted them; null for runs recorded before reach was kept.</summary>
    public int? ReachableByEmail { get; init; }

    /// <summary>Members reachable by SMS (consented), as the run counted them; null for runs recorded before reach was kept.</summary>
    public int? ReachableBySms { get; init; }
}

/// <summary>Where customers went between two runs, by RFM segment.</summary>
/// <param name="FromRunId">The earlier run.</param>
/// <param name="FromAsOf">Its as-of date.</param>
/// <param name="ToRunId">The later run.</param>
/// <param name="ToAsOf">Its as-of date.</param>
/// <param name="Segments">RFM segment names in table order (the matrix axes).</param>
/// <param name="Transitions">Customers per (from, to) pair with at least one customer; largest first.</param>
public sealed record SegmentMovement(string FromRunId, DateOnly FromAsOf, string ToRunId, DateOnly ToAsOf, IReadOnlyList<string> Segments, IReadOnlyList<SegmentTransition> Transitions)
{
    /// <summary>Customers in the same segment in both runs.</summary>
    public int Stayed => Transitions.Where(t => t.From is not null && t.From == t.To).Sum(t => t.Customers);

    /// <summary>Customers in both runs, in different segments.</summary>
    public int Moved => Transitions.Where(t => t.From is not null && t.To is not null && t.From != t.To).Sum(t => t.Customers);

    /// <summary>Customers only in the later run.</summary>
    public int New => Transitions.Where(t => t.From is null).Sum(t => t.Customers);

    /// <summary>Customers only in the earlier run.</summary>
    public int Left => Transitions.Where(t => t.To is null).Sum(t => t.Customers);
}

/// <summary>How many customers went from one segment to another.</summary>
/// <param name="From">Segment in the earlier run; null for customers new in the later run.</param>
/// <param name="To">Segment in the later run; null for customers absent from it.</param>
/// <param name="Customers">How many.</param>
public sealed record SegmentTransition(string? From, string? To, int Customers);

/// <summary>One run on the timeline.</summary>
/// <param name="RunId">The run.</param>
/// <param name="AsOf">Its as-of date.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="RequestedAt">When it was asked for.</param>
/// <param name="DurationMs">Start to finish; null until it ends.</param>
/// <param name="CostUsd">What it cost; null until it ends.</param>
/// <param name="CustomersScored">Customers in the run.</param>
public sealed record RunPoint(string RunId, DateOnly AsOf, string Status, DateTimeOffset RequestedAt, long? DurationMs, decimal? CostUsd, int CustomersScored);
