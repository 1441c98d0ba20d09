namespace Segments.Pipeline.Delivery;

/// <summary>Which way a customer moved through a segment between two runs.</summary>
public enum SegmentMoveKind
{
    /// <summary>In the segment now, not before.</summary>
    Entered,

    /// <summary>In the segment before, not now.</summary>
    Exited,
}
