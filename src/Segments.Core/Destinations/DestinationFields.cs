namespace Segments.Core.Destinations;

/// <summary>What an event's <c>data</c> carries about the customer besides the move itself.</summary>
public enum DestinationFields
{
    /// <summary>The customer id and the move only.</summary>
    Ids,

    /// <summary>Also every segment the customer is in after the run, as the lookup names them.</summary>
    Segments,
}
