using Segments.Core.Ingest;

namespace Segments.Core.Tests.Ingest;

public class OrderDateParserTests
{
    [Theory]
    [InlineData("2011-12-09")]
    [InlineData("2011-12-09 23:30:00")]
    [InlineData("2011-12-09T23:30:00")]
    [InlineData("2011-12-09T23:30:00Z")]
    [InlineData(" 2011-12-09 ")]
    public void Iso_date_or_timestamp_without_offset_is_read_as_that_utc_date(string text)
    {
        // Act
        var parsed = OrderDateParser.TryParse(text, out var date);

        // Assert
        Assert.True(parsed);
        Assert.Equal(new DateOnly(2011, 12, 9), date);
    }

    [Fact]
    public void Timestamp_with_a_negative_offset_moves_to_the_next_utc_day()
    {
        // Act
        var parsed = OrderDateParser.TryParse("2011-12-09T23:30:00-05:00", out var date);

        // Assert: 23:30 at UTC−5 is 04:30 UTC on 10 December.
        Assert.True(parsed);
        Assert.Equal(new DateOnly(2011, 12, 10), date);
    }

    [Fact]
    public void Timestamp_with_a_positive_offset_moves_to_the_previous_utc_day()
    {
        // Act
        var parsed = OrderDateParser.TryParse("2011-12-10T01:00:00+05:00", out var date);

        // Assert: 01:00 at UTC+5 is 20:00 UTC on 9 December.
        Assert.True(parsed);
        Assert.Equal(new DateOnly(2011, 12, 9), date);
    }

    [Theory]
    [InlineData("12/9/2011 12:50", 2011, 12, 9)]
    [InlineData("1/12/2011 8:05", 2011, 1, 12)]
    [InlineData("12/10/2011 23:59", 2011, 12, 10)]
    public void Us_timestamp_of_the_uci_file_is_read_month_first(string text, int year, int month, int day)
    {
        // Act
        var parsed = OrderDateParser.TryParse(text, out var date);

        // Assert
        Assert.True(parsed);
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday")]
    [InlineData("2011-02-30")]
    [InlineData("13/45/2011 8:26")]
    public void Text_that_is_not_a_date_is_refused(string text)
    {
        // Act
        var parsed = OrderDateParser.TryParse(text, out _);

        // Assert
        Assert.False(parsed);
    }

    [Theory]
    [InlineData("2011-12-09 99:99:99")]
    [InlineData("2011-12-09T25:00:00")]
    [InlineData("2011-12-09 garbage!!")]
    public void Date_with_an_impossible_time_is_refused(string text)
    {
        // Act
        var parsed = OrderDateParser.TryParse(text, out _);

        // Assert
        Assert.False(parsed);
    }
}
