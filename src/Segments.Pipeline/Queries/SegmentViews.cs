namespace Segments.Pipeline.Queries;

/// <summary>One page of a segment's customers, in the run's key order.</summary>
/// <param name="RunId">The run the page (and every later page of this listing) comes from.</param>
/// <param name="AsOf">Its as-of date.</param>
/// <param name="Segment">The segment's qualified id.</param>
/// <param name="Customers">Up to pageSize customers.</param>
/// <param name="ContinuationToken">Pass it back for the next page; null on the last page.</param>
public sealed record SegmentPage(string RunId, DateOnly AsOf, string Segment, IReadOnlyList<CustomerLookup> Customers, string? ContinuationToken)
{
    /// <summary>The consent channel the listing is filtered by (<c>email</c>, <c>sms</c>); null when it lists every member.</summary>
    public string? Consent { get; init; }

    /// <summary>The experiment on the segment in this run, whose group each customer's <c>group</c> gives; null when none.</summary>
    public string? Experiment { get; init; }
}

/// <summary>Who entered and who left a segment between two runs.</summary>
public sealed record SegmentChanges(string Segment, RunPoint FromRun, RunPoint ToRun, IReadOnlyList<SegmentMove> Entered, IReadOnlyList<SegmentMove> Left)
{
    /// <summary>The consent channel the moves are filtered by (<c>email</c>, <c>sms</c>); null when every move is listed.</summary>
    public string? Consent { get; init; }

    /// <summary>Customers who entered.</summary>
    public int EnteredCount => Entered.Count;

    /// <summary>Customers who left.</summary>
    public int LeftCount => Left.Count;
}

/// <summary>A run named in an answer: id and as-of date.</summary>
public sealed record RunPoint(string RunId, DateOnly AsOf);

/// <summary>
/// A customer who entered or left. <c>From</c> is where an entering customer was before (null if not a
/// customer then), <c>To</c> where a leaving one went (null if no longer scored), both in the segment's
/// family (RFM segment, lifecycle stage or cluster; null for rule segments).
/// </summary>
public sealed record SegmentMove(string CustomerId, string? From, string? To)
{
    /// <summary>
    /// The customer's A/B group in the segment's experiment, kept from the run in which they were in the segment:
    /// toRun for an entering customer, fromRun for a leaving one; null when that run had no experiment on the segment.
    /// </summary>
    public string? Group { get; init; }

    /// <summary>The customer's consent as of toRun (fromRun when toRun no longer scores the customer).</summary>
    public Core.Profiles.MarketingConsent Consent { get; init; } = Core.Profiles.MarketingConsent.None;
}

/// <summary>A segment's size in every succeeded run, oldest first.</summary>
public sealed record SegmentHistory(string Segment, IReadOnlyList<SegmentHistoryPoint> Runs);

/// <summary>The segment's size in one run.</summary>
public sealed record SegmentHistoryPoint(string RunId, DateOnly AsOf, DateTimeOffset? FinishedAt, int Customers);
