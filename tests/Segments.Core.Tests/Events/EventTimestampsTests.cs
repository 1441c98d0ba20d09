using System.Globalization;
using Segments.Core.Events;

namespace Segments.Core.Tests.Events;

public class EventTimestampsTests
{
    [Theory]
    [InlineData("2024-03-10T09:00:00Z")]
    [InlineData("2024-03-10T09:00:00.123Z")]
    [InlineData("2024-03-10T09:00:00.1234567Z")]
    [InlineData("2024-03-10T09:00:00.5+01:00")]
    [InlineData("2024-02-29T23:59:59-05:30")]
    [InlineData("2024-01-01T00:30:00+14:00")]
    [InlineData("0001-01-01T23:00:00-01:00")]
    [InlineData("2024-03-10T09:00:00.12345678Z")]
    [InlineData("2024-03-10T24:00:00Z")]
    [InlineData("2024-03-10T09:00:00+0100")]
    [InlineData("2024-03-10T09:00Z")]
    public void Every_timestamp_with_an_offset_reads_as_the_general_ISO_parse_reads_it(string text)
    {
        // Act
        var read = EventTimestamps.TryParseIso(text, out var timestamp, out _);

        // Assert
        var expected = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed);
        Assert.Equal(expected, read);
        if (expected)
        {
            Assert.Equal(parsed.ToUniversalTime(), timestamp);
            Assert.Equal(TimeSpan.Zero, timestamp.Offset);
        }
    }

    [Theory]
    [InlineData("2024-02-30T09:00:00Z", "is not an ISO 8601 timestamp")]
    [InlineData("2024-03-10T09:00:00", "has no UTC offset (Z or ±hh:mm)")]
    [InlineData("2024-03-10 09:00:00Z", "is not an ISO 8601 timestamp")]
    public void A_timestamp_that_is_not_a_date_or_has_no_offset_is_refused_with_why(string text, string reason)
    {
        // Act
        var read = EventTimestamps.TryParseIso(text, out _, out var why);

        // Assert
        Assert.False(read);
        Assert.Equal(reason, why);
    }
}
