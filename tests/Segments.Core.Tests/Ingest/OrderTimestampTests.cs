namespace Segments.Core.Tests.Ingest;

/// <summary>Order timestamps with a UTC offset become the UTC calendar date, whatever the export.</summary>
public class OrderTimestampTests
{
    [Theory]
    [InlineData("2011-12-09T23:30:00-05:00", 2011, 12, 10)] // 23:30 at UTC−5 = 04:30 UTC the next day.
    [InlineData("2011-12-10T01:00:00+02:00", 2011, 12, 9)] // 01:00 at UTC+2 = 23:00 UTC the day before.
    [InlineData("2024-01-15 22:30:00 -0500", 2024, 1, 16)] // Shopify's form: 22:30 at UTC−5 = 03:30 UTC on the 16th.
    [InlineData("2011-12-09T12:00:00+14:00", 2011, 12, 8)] // Kiribati: noon at UTC+14 = 22:00 UTC the day before.
    [InlineData("2011-12-09T23:30:00Z", 2011, 12, 9)] // Already UTC.
    public async Task Timestamp_with_an_offset_becomes_its_utc_date(string timestamp, int year, int month, int day)
    {
        // Arrange
        var text = ProcessedExport.Text("customer_id,order_id,order_date,amount", $"C-1,O-1,{timestamp},10.00");

        // Act
        var run = await ProcessedExport.ProcessAsync(text);

        // Assert
        Assert.Equal(new DateOnly(year, month, day), Assert.Single(run.Lines).OrderDate);
    }
}
