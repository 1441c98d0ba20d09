namespace Segments.Core.Events;

/// <summary>The layout of an events JSON Lines file.</summary>
public enum EventDialect
{
    /// <summary>Segment spec messages, as Segment and RudderStack write them to object storage.</summary>
    Segment,

    /// <summary>Rows of the GA4 BigQuery export (<c>events_YYYYMMDD</c> tables) written as JSON.</summary>
    Ga4,
}
