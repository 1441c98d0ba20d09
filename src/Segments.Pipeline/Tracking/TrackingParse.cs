using Segments.Pipeline.Api;

namespace Segments.Pipeline.Tracking;

/// <summary>What a tracking request's body became: the messages to store, or why it is refused.</summary>
/// <param name="Lines">The messages completed (<see cref="TrackingRequestParser"/>), one JSON line each; empty when refused.</param>
/// <param name="BodyWriteKey">The <c>writeKey</c> the body carries, if any (never stored).</param>
/// <param name="Refusal">The error answer when the body is refused; null otherwise.</param>
public sealed record TrackingParse(IReadOnlyList<string> Lines, string? BodyWriteKey, ApiResponse? Refusal)
{
    /// <summary>A refused body.</summary>
    public static TrackingParse Refused(int statusCode, string code, string message) => new([], null, ApiResponse.Error(statusCode, code, message));
}
