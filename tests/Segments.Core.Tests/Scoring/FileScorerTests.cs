using Segments.Core.Ingest;
using Segments.Core.Ingest.Mappings;
using Segments.Core.Rfm;
using Segments.Core.Scoring;
using Segments.Core.Tests.Ingest;

namespace Segments.Core.Tests.Scoring;

public class FileScorerTests
{
    /// <summary>
    /// Seven data rows (lines 2–8): 17850 orders twice (Dec 1: 6 × 2.55 = 15.30, Dec 5: 10 × 2.00 = 20.00);
    /// 13047 orders once (Dec 9: 4 × 5.00 = 20.00) and cancels one item (−1 × 5.00 = −5.00); line 6 has no
    /// customer (skipped); line 7 has quantity "two" (rejected); 12345 only cancels (accepted, not scored).
    /// </summary>
    private const string Csv =
        ExportFile.UciHeader + "\n"
        + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom\n"
        + "536366,22633,HAND WARMER UNION JACK,10,12/5/2010 9:00,2.00,17850.0,United Kingdom\n"
        + "536367,84879,\"BIRD ORNAMENT, ASSORTED\",4,12/9/2010 10:00,5.00,13047.0,United Kingdom\n"
        + "C536368,84879,\"BIRD ORNAMENT, ASSORTED\",-1,12/9/2010 11:00,5.00,13047.0,United Kingdom\n"
        + "536369,22960,JAM MAKING SET WITH JARS,3,12/9/2010 12:00,4.25,,United Kingdom\n"
        + "536370,22961,JAM JAR WITH PINK LID,two,12/9/2010 12:00,1.00,12583.0,France\n"
        + "C536371,22961,JAM JAR WITH PINK LID,-2,12/8/2010 12:00,1.00,12345.0,France\n";

    [Fact]
    public async Task Report_counts_rows_by_outcome()
    {
        // Arrange
        using var stream = ExportFile.StreamOf(Csv);

        // Act
        var report = await ScoreAsync(stream, asOf: null);

        // Assert: lines 2, 3, 4, 5 and 8 accepted; 6 skipped; 7 rejected.
        Assert.Equal("uci-online-retail", report.Ingest.Mapping);
        Assert.Equal((7L, 5L, 1L, 1L), (report.Ingest.RowsRead, report.Ingest.RowsAccepted, report.Ingest.RowsSkipped, report.Ingest.RowsRejected));
    }

    [Fact]
    public async Task Report_keeps_the_rejected_row_error()
    {
        // Arrange
        using var stream = ExportFile.StreamOf(Csv);

        // Act
        var report = await ScoreAsync(stream, asOf: null);

        // Assert
        var error = Assert.Single(report.Ingest.FirstErrors);
        Assert.Equal((7L, "Quantity", "two"), (error.Line, error.Column, error.Value));
    }

    [Fact]
    public async Task Without_an_as_of_date_the_file_is_scored_the_day_after_its_latest_line()
    {
        // Arrange
        using var stream = ExportFile.StreamOf(Csv);

        // Act
        var report = await ScoreAsync(stream, asOf: null);

        // Assert: the latest accepted line is 9 Dec 2010.
        Assert.Equal(new DateOnly(2010, 12, 10), report.AsOf);
    }

    [Fact]
    public async Task Customers_are_scored_against_each_other()
    {
        // Arrange
        using var stream = ExportFile.StreamOf(Csv);

        // Act
        var report = await ScoreAsync(stream, asOf: null);

        // Assert: as of Dec 10, 13047 has recency 1, one order, 20 − 5 = 15; 17850 has recency 5, two orders,
        // 35.30. Recency [1,5] → cuts 1.8, 2.6, 3.4, 4.2: R 5 and 1. Frequency [1,2] → 1.2…1.8: F 1 and 5.
        // Monetary [15, 35.30] → 19.06, 23.12, 27.18, 31.24: M 1 and 5. So 511 and 155; 12345 is not scored.
        Assert.Equal(
            ["13047 511 New Customers", "17850 155 Can't Lose Them"],
            report.Scoring!.Customers.Select(c => $"{c.Metrics.CustomerId} {c.Code} {c.Segment}"));
    }

    [Fact]
    public async Task Segment_counts_cover_every_segment()
    {
        // Arrange
        using var stream = ExportFile.StreamOf(Csv);

        // Act
        var report = await ScoreAsync(stream, asOf: null);

        // Assert: one New Customers (13047), one Can't Lose Them (17850), zero elsewhere.
        SegmentCount[] expected =
        [
            new("Champions", 0), new("Loyal", 0), new("Potential Loyalist", 0), new("New Customers", 1),
            new("Promising", 0), new("Need Attention", 0), new("About To Sleep", 0), new("At Risk", 0),
            new("Can't Lose Them", 1), new("Hibernating", 0), new("Lost", 0),
        ];
        Assert.Equal(expected, report.Scoring!.CountBySegment());
    }

    [Fact]
    public async Task Given_as_of_date_is_used_for_recency()
    {
        // Arrange
        using var stream = ExportFile.StreamOf(Csv);

        // Act
        var report = await ScoreAsync(stream, asOf: new DateOnly(2010, 12, 31));

        // Assert: Dec 31 − Dec 9 = 22 days for 13047, Dec 31 − Dec 5 = 26 days for 17850.
        Assert.Equal([22, 26], report.Scoring!.Customers.Select(c => c.Metrics.RecencyDays));
    }

    [Fact]
    public async Task Unrecognised_header_returns_the_rejection_and_no_report()
    {
        // Arrange
        using var stream = ExportFile.StreamOf("id,date,total\n1,2011-12-09,5\n");

        // Act
        var report = await ScoreAsync(stream, asOf: null);

        // Assert
        Assert.Null(report.Scoring);
        Assert.StartsWith("no recognised header", report.Ingest.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_over_the_bad_row_threshold_is_rejected_and_not_scored()
    {
        // Arrange: 1 of the 7 rows is rejected, 14.3 %, above the default 5 % threshold.
        using var stream = ExportFile.StreamOf(Csv);

        // Act
        var report = await FileScorer.ScoreAsync(stream, new ExportSource("orders.csv"), ExportContext.Default, asOf: null, CancellationToken.None);

        // Assert
        Assert.Null(report.Scoring);
        Assert.StartsWith("14.3% of rows were rejected (1 of 7), above the 5.0% limit", report.Ingest.Rejection, StringComparison.Ordinal);
    }

    /// <summary>The sample deliberately holds a bad row; a lenient threshold keeps it scoreable.</summary>
    private static Task<FileScoringReport> ScoreAsync(Stream stream, DateOnly? asOf) =>
        FileScorer.ScoreAsync(stream, new ExportSource("orders.csv"), new ExportContext(new IngestOptions { MaxRejectedFraction = 0.5 }, MappingCatalog<ExportMapping>.BuiltIn), asOf, CancellationToken.None);
}
