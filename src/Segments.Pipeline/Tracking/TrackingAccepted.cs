namespace Segments.Pipeline.Tracking;

/// <summary>The answer Segment's tracking API gives to every accepted call: <c>{"success":true}</c>.</summary>
/// <param name="Success">Always true: a refusal is an error answer instead.</param>
public sealed record TrackingAccepted(bool Success)
{
    /// <summary>The one instance.</summary>
    public static TrackingAccepted Answer { get; } = new(true);
}
