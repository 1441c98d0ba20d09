namespace Segments.Core.SegmentProfiles;

/// <summary>A customer's age band and gender from a customer profile export; null where the export says nothing.</summary>
/// <param name="AgeBand">Age band such as <c>25-34</c>.</param>
/// <param name="Gender">Gender as exported.</param>
public sealed record CustomerDemographics(string? AgeBand, string? Gender);
