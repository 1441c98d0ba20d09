using Segments.Core.Rules;

namespace Segments.Core.Tests.Rules;

/// <summary>Short-hand for profiles in tests: only the attributes a test is about.</summary>
internal static class ProfileBuilder
{
    public static readonly DateOnly AsOf = new(2011, 12, 10);

    public static CustomerProfile Profile(params (string Name, AttributeValue Value)[] values) =>
        new("C1", values.ToDictionary(v => v.Name, v => v.Value));

    public static bool Matches(string query, CustomerProfile profile) => Matches(query, profile, AsOf);

    public static bool Matches(string query, CustomerProfile profile, DateOnly asOf)
    {
        var parsed = SegmentQuery.Parse(query);
        Assert.True(parsed.IsSuccess, parsed.Error?.Message);
        return parsed.Query.Matches(profile, asOf);
    }
}
