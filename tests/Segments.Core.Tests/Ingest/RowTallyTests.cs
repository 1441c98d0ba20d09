using Segments.Core.Ingest;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Ingest;

public class RowTallyTests
{
    [Fact]
    public void Count_adds_each_row_to_its_outcome()
    {
        // Arrange
        var tally = new RowTally(errorsKept: 5);
        ParsedRow[] rows =
        [
            ParsedRow.Accept(2, new TransactionLine("A", "1", new DateOnly(2011, 12, 9), 1m, "", false)),
            ParsedRow.Skip(3, "no CustomerID"),
            ParsedRow.Reject(new RowError(4, "amount", "x", "not a number")),
            ParsedRow.Skip(5, "blank line"),
        ];

        // Act
        foreach (var row in rows)
        {
            tally.Count(row);
        }

        // Assert
        Assert.Equal((4L, 1L, 2L, 1L), (tally.Read, tally.Accepted, tally.Skipped, tally.Rejected));
    }

    [Fact]
    public void Only_the_first_errors_are_kept_but_all_are_counted()
    {
        // Arrange
        var tally = new RowTally(errorsKept: 2);

        // Act
        for (var line = 2; line <= 4; line++)
        {
            tally.Count(ParsedRow.Reject(new RowError(line, "amount", "x", "not a number")));
        }

        // Assert
        Assert.Equal(3, tally.Rejected);
        Assert.Equal([2L, 3L], tally.FirstErrors.Select(e => e.Line));
    }

    [Fact]
    public void Order_dates_span_the_accepted_rows_only()
    {
        // Arrange
        var tally = new RowTally(errorsKept: 5);
        ParsedRow[] rows =
        [
            ParsedRow.Accept(2, new TransactionLine("A", "1", new DateOnly(2011, 3, 9), 1m, "", false)),
            ParsedRow.Accept(3, new TransactionLine("B", "2", new DateOnly(2010, 12, 1), 1m, "", false)),
            ParsedRow.Accept(4, new TransactionLine("A", "3", new DateOnly(2011, 12, 9), 1m, "", false)),
            ParsedRow.Skip(5, "no CustomerID"),
            ParsedRow.Reject(new RowError(6, "date", "1900-01-01", "too old")),
        ];

        // Act
        foreach (var row in rows)
        {
            tally.Count(row);
        }

        // Assert
        Assert.Equal((new DateOnly(2010, 12, 1), new DateOnly(2011, 12, 9)), (tally.FirstOrderDate, tally.LatestOrderDate));
    }

    [Fact]
    public void Order_dates_are_null_without_accepted_rows()
    {
        var tally = new RowTally(errorsKept: 5);

        tally.Count(ParsedRow.Skip(2, "no CustomerID"));

        Assert.Equal(((DateOnly?)null, (DateOnly?)null), (tally.FirstOrderDate, tally.LatestOrderDate));
    }
}
