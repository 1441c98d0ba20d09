using Segments.Core.Profiles;

namespace Segments.Core.Destinations;

/// <summary>
/// One destination of <c>config/destinations.json</c>: where the entered/exited moves of its segments go after each
/// succeeded run. The signing secret is held here to sign with, and never written back out: the API says only whether one is set.
/// </summary>
/// <param name="Name">Unique name; part of the <c>webhook-id</c> and of the audience files' folder.</param>
/// <param name="Kind">Webhook, Event Grid topic or audience files.</param>
/// <param name="Segments">Segment ids (<c>rfm:Champions</c>) or whole families (<c>lifecycle:*</c>) it follows.</param>
public sealed record DestinationDefinition(string Name, DestinationKind Kind, IReadOnlyList<string> Segments)
{
    /// <summary>The webhook URL or the Event Grid topic endpoint; null for audience files.</summary>
    public Uri? Url { get; init; }

    /// <summary>The Standard Webhooks signing secret (<c>whsec_</c> + Base64); webhooks only.</summary>
    public string? Secret { get; init; }

    /// <summary>Whether customers who entered a followed segment are sent.</summary>
    public bool Entered { get; init; } = true;

    /// <summary>Whether customers who left a followed segment are sent.</summary>
    public bool Exited { get; init; } = true;

    /// <summary>The consent a customer needs to be sent at all; null sends everyone.</summary>
    public ConsentChannel? Consent { get; init; }

    /// <summary>Whether A/B control-group members are held back (default yes: they must not receive the treatment).</summary>
    public bool HoldBackControlGroup { get; init; } = true;

    /// <summary>What each event carries about the customer.</summary>
    public DestinationFields Fields { get; init; } = DestinationFields.Ids;

    /// <summary>Events per CloudEvents batch (one HTTP request, one <c>webhook-id</c>).</summary>
    public int BatchSize { get; init; } = DestinationLimits.DefaultBatchSize;

    /// <summary>Whether this destination follows <paramref name="segmentId"/>: named exactly, or its whole family by <c>family:*</c>.</summary>
    public bool Follows(string segmentId) => Segments.Any(pattern => SegmentPattern.Matches(pattern, segmentId));
}
