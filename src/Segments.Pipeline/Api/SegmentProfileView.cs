using Segments.Core.SegmentProfiles;

namespace Segments.Pipeline.Api;

/// <summary>The answer of <c>GET /api/segments/{name}/profile</c>.</summary>
/// <param name="RunId">The active run.</param>
/// <param name="AsOf">Its as-of date.</param>
/// <param name="Profile">The segment's profile.</param>
public sealed record SegmentProfileView(string RunId, DateOnly AsOf, SegmentProfile Profile);
