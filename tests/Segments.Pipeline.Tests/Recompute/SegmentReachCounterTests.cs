using Segments.Core.Profiles;
using Segments.Pipeline.Recompute;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Tests.Recompute;

public class SegmentReachCounterTests
{
    private static CustomerSegmentRow Row(string id, CustomerProfileFields? profile) =>
        new(id, 1, 1, 10m, 5, 1, 1, "511", "New Customers", "UK") { Profile = profile };

    [Fact]
    public void Counts_per_segment_the_members_with_an_explicit_yes_on_each_channel()
    {
        var rows = new[]
        {
            Row("a", new CustomerProfileFields { ConsentEmail = true, ConsentSms = false }),
            Row("b", new CustomerProfileFields { ConsentEmail = true, ConsentSms = true }),
            Row("c", new CustomerProfileFields { ConsentEmail = null, ConsentSms = true }),
            Row("d", null),
        };
        var members = new Dictionary<string, List<string>>
        {
            ["rfm:New Customers"] = ["a", "b", "c", "d"],
            ["rule:Two"] = ["c", "d"],
            ["cluster:1"] = [],
        };

        var reach = SegmentReachCounter.Count(members, rows);

        Assert.Equal(
            [new SegmentReach("rfm:New Customers", 2, 2), new SegmentReach("rule:Two", 0, 1), new SegmentReach("cluster:1", 0, 0)],
            reach);
    }

    [Fact]
    public void A_member_without_a_row_is_not_reachable()
    {
        var reach = SegmentReachCounter.Count(new Dictionary<string, List<string>> { ["rule:X"] = ["ghost"] }, []);

        Assert.Equal(new SegmentReach("rule:X", 0, 0), Assert.Single(reach));
    }
}
