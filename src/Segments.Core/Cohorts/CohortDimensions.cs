namespace Segments.Core.Cohorts;

/// <summary>The dimensions cohorts can be split by, from the customer exports.</summary>
public static class CohortDimensions
{
    /// <summary>Split by the profile's country.</summary>
    public const string Country = "country";

    /// <summary>Split by the profile's acquisition channel.</summary>
    public const string AcquisitionChannel = "acquisitionChannel";

    /// <summary>Every dimension, as requests name them.</summary>
    public static IReadOnlyList<string> All { get; } = [Country, AcquisitionChannel];

    /// <summary>The dimension's value in a profile, or null when the profile does not carry it.</summary>
    public static string? ValueOf(string dimension, Profiles.CustomerProfileFields? profile) => dimension switch
    {
        Country => Blank(profile?.Country),
        AcquisitionChannel => Blank(profile?.AcquisitionChannel),
        _ => null,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
