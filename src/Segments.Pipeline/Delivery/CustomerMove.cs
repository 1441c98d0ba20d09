using Segments.Core.Profiles;

namespace Segments.Pipeline.Delivery;

/// <summary>One customer entering or leaving one segment between the previous succeeded run and this one.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Segment">The segment id, e.g. <c>lifecycle:At Risk</c>.</param>
/// <param name="Kind">Entered or exited.</param>
public sealed record CustomerMove(string CustomerId, string Segment, SegmentMoveKind Kind)
{
    /// <summary>The customer's A/B group in the segment's experiment (entered: this run's; exited: the previous run's).</summary>
    public string? Group { get; init; }

    /// <summary>Consent as of this run (the previous one when this run no longer scores the customer), as <c>/changes</c> has it.</summary>
    public MarketingConsent Consent { get; init; } = MarketingConsent.None;

    /// <summary>Every segment the customer is in after this run, for destinations that send segment fields.</summary>
    public IReadOnlyList<string> Memberships { get; init; } = [];
}
