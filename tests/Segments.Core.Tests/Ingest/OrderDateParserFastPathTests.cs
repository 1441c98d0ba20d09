using System.Globalization;
using Segments.Core.Ingest;

namespace Segments.Core.Tests.Ingest;

/// <summary>
/// The hand-written digit reader in front of the exact formats must change no result: every value is
/// compared with the parser as it was before it (the exact formats, then the general timestamp parse).
/// </summary>
public class OrderDateParserFastPathTests
{
    public static TheoryData<string> EdgeValues => new()
    {
        "2011-12-09", "2011-12-09 12:50:00", "2011-12-09T12:50:00", "2011-12-09 23:59:59", "2011-12-09 00:00:00",
        "2012-02-29", "2011-02-29", "2011-04-31", "2011-13-01", "2011-00-10", "2011-12-00", "0000-01-01", "0001-01-01",
        "9999-12-31 23:59:59", "2011-12-09 24:00:00", "2011-12-09 23:60:00", "2011-12-09 23:59:60", "2011-12-09X12:50:00",
        "2011-12-09 12:50", "2011-12-09 12:50:00Z", "2011/12/09", "2011-1-09", "2011-12-9 ", "+011-12-09", "2011-12-0a",
        "２０１１-12-09", "2011-12-09 1:50:00 ", "12/9/2011 12:50", "2011-12-09\t12:50:00", "-2011-12-0", "2011-12-09 12:5:000",
    };

    [Theory]
    [MemberData(nameof(EdgeValues))]
    public void Edge_values_read_as_before(string text) => AssertSameAsBefore(text);

    [Fact]
    public void Random_timestamps_read_as_before()
    {
        // Arrange: valid and invalid field values in both ISO shapes.
        var random = new Random(20111209);
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"{random.Next(0, 10000):0000}-{random.Next(0, 14):00}-{random.Next(0, 33):00}");
            if (random.Next(2) == 0)
            {
                text += string.Create(CultureInfo.InvariantCulture, $"{(random.Next(2) == 0 ? ' ' : 'T')}{random.Next(0, 26):00}:{random.Next(0, 62):00}:{random.Next(0, 62):00}");
            }

            // Act, Assert
            AssertSameAsBefore(text);
        }
    }

    private static void AssertSameAsBefore(string text)
    {
        var expectedParsed = ParseAsBefore(text, out var expected);
        var parsed = OrderDateParser.TryParse(text, out var date);
        Assert.True((expectedParsed, expected) == (parsed, date), $"'{text}': before ({expectedParsed}, {expected:O}), now ({parsed}, {date:O})");
    }

    /// <summary>OrderDateParser.TryParse as it was before the digit reader, kept verbatim as the reference.</summary>
    private static bool ParseAsBefore(ReadOnlySpan<char> text, out DateOnly date)
    {
        text = text.Trim();
        if (text.Length == 10 || (text.Length == 19 && text[10] is ' ' or 'T' && TimeOnly.TryParseExact(text[11..], "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            if (DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                return true;
            }
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
        {
            date = DateOnly.FromDateTime(timestamp.UtcDateTime);
            return true;
        }

        date = default;
        return false;
    }
}
