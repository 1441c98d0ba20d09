using Segments.Core.Profiles;
using Segments.Pipeline.Api;
using Segments.Storage.Generations;

namespace Segments.Pipeline.Tests.Api;

public class SegmentCsvTests
{
    private static readonly CustomerSegmentRow Row = new("c1", 3, 2, 50m, 5, 2, 3, "523", "Potential Loyalist", "UK");

    [Fact]
    public void Cells_give_the_group_and_the_consent_per_channel_with_its_time_in_utc()
    {
        var profile = new CustomerProfileFields
        {
            ConsentEmail = true,
            ConsentEmailAt = new DateTimeOffset(2024, 1, 2, 5, 4, 5, TimeSpan.FromHours(2)),
            ConsentSms = false,
        };

        var cells = Cells(Row with { Profile = profile }, "control");

        Assert.Equal(("control", "true", "2024-01-02T03:04:05Z", "false", null), (cells["group"], cells["consentEmail"], cells["consentEmailAt"], cells["consentSms"], cells["consentSmsAt"]));
    }

    [Fact]
    public void Cells_of_a_customer_without_profile_or_experiment_say_no_consent_and_no_group()
    {
        var cells = Cells(Row, null);

        Assert.Equal((null, "false", "false"), (cells["group"], cells["consentEmail"], cells["consentSms"]));
    }

    [Fact]
    public void Every_header_column_has_a_cell() =>
        Assert.Equal(SegmentCsv.Header.Count, SegmentCsv.Cells("r1", new DateOnly(2024, 3, 31), Row, null).Count);

    private static Dictionary<string, string?> Cells(CustomerSegmentRow row, string? group) =>
        SegmentCsv.Header.Zip(SegmentCsv.Cells("r1", new DateOnly(2024, 3, 31), row, group)).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
}
