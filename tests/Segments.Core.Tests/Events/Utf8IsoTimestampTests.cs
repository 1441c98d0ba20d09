using System.Text;
using Segments.Core.Events;

namespace Segments.Core.Tests.Events;

public class Utf8IsoTimestampTests
{
    [Theory]
    [InlineData("2024-03-10T09:00:00Z")]
    [InlineData("2024-03-10T09:00:00.123Z")]
    [InlineData("2024-03-10T09:00:00.1234567Z")]
    [InlineData("2024-03-10T09:00:00.5+01:00")]
    [InlineData("2024-02-29T23:59:59-05:30")]
    [InlineData("2024-01-01T00:30:00+14:00")]
    [InlineData("0001-01-01T23:00:00-01:00")]
    public void The_common_layout_reads_from_bytes_as_the_text_parser_reads_it(string text)
    {
        // Act
        var read = Utf8IsoTimestamp.TryParseUtcTicks(Encoding.UTF8.GetBytes(text), out var ticks);

        // Assert
        Assert.True(read);
        Assert.True(EventTimestamps.TryParseIso(text, out var expected, out _));
        Assert.Equal(expected.UtcTicks, ticks);
    }

    [Theory]
    [InlineData("2024-03-10T09:00:00.12345678Z")]
    [InlineData("2024-03-10T24:00:00Z")]
    [InlineData("2024-02-30T09:00:00Z")]
    [InlineData("2023-02-29T09:00:00Z")]
    [InlineData("2024-03-10T09:00:00+0100")]
    [InlineData("2024-03-10T09:00:00+15:00")]
    [InlineData("2024-03-10T09:00Z")]
    [InlineData("2024-03-10T09:00:00")]
    [InlineData("2024-03-10 09:00:00Z")]
    [InlineData("2024-03-10T09:00:00.Z")]
    [InlineData("2024-03-10T09:00:00z")]
    [InlineData("２024-03-10T09:00:00Z")]
    public void Anything_else_is_left_to_the_text_parser(string text)
    {
        // Act
        var read = Utf8IsoTimestamp.TryParseUtcTicks(Encoding.UTF8.GetBytes(text), out _);

        // Assert
        Assert.False(read);
    }
}
