namespace Segments.Core.Events;

/// <summary>The names segments of the <c>behaviour:</c> family are listed and looked up by.</summary>
public static class BehaviourSegmentNames
{
    /// <summary>The family prefix, as <c>rfm:</c> and <c>lifecycle:</c> are for theirs.</summary>
    public const string Family = "behaviour:";

    /// <summary>The display name (<c>Cart Abandoners</c>).</summary>
    public static string Name(BehaviourSegment segment) => segment switch
    {
        BehaviourSegment.CartAbandoners => "Cart Abandoners",
        BehaviourSegment.BrowseAbandoners => "Browse Abandoners",
        BehaviourSegment.Prospects => "Prospects",
        _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, null),
    };

    /// <summary>The qualified name (<c>behaviour:Cart Abandoners</c>).</summary>
    public static string Qualified(BehaviourSegment segment) => Family + Name(segment);
}
