namespace Segments.Core.Events;

/// <summary>The built-in segments of the <c>behaviour:</c> family.</summary>
public enum BehaviourSegment
{
    /// <summary>Added to the cart or started checkout in the window and has not ordered since.</summary>
    CartAbandoners,

    /// <summary>Viewed products at least twice in the window, added nothing, has not ordered since.</summary>
    BrowseAbandoners,

    /// <summary>Identified, seen in the prospect window, never ordered.</summary>
    Prospects,
}
