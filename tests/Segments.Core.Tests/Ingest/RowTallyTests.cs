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

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    public void Rows_counted_in_parts_and_added_in_order_give_the_counts_of_counting_them_one_by_one(int cut)
    {
        // Arrange: as a chunked read counts them: the rows before the cut here, the rest on a parse task.
        ParsedRow[] rows =
        [
            ParsedRow.Accept(2, new TransactionLine("A", "1", new DateOnly(2011, 3, 9), 1m, "", false)),
            ParsedRow.Reject(new RowError(3, "amount", "x", "not a number")),
            ParsedRow.Skip(4, "no CustomerID"),
            ParsedRow.Accept(5, new TransactionLine("B", "2", new DateOnly(2010, 12, 1), 1m, "", false)),
            ParsedRow.Reject(new RowError(6, "date", "1900-01-01", "too old")),
            ParsedRow.Accept(7, new TransactionLine("A", "3", new DateOnly(2011, 12, 9), 1m, "", false)),
            ParsedRow.Reject(new RowError(8, "amount", "y", "not a number")),
        ];
        var oneByOne = new RowTally(errorsKept: 2);
        foreach (var row in rows)
        {
            oneByOne.Count(row);
        }

        var inParts = new RowTally(errorsKept: 2);
        foreach (var row in rows.Take(cut))
        {
            inParts.Count(row);
        }

        // Act
        inParts.Add(RowTally.Of(rows.AsSpan(cut), errorsKept: 2));

        // Assert
        Assert.Equal(
            (oneByOne.Read, oneByOne.Accepted, oneByOne.Skipped, oneByOne.Rejected, oneByOne.FirstOrderDate, oneByOne.LatestOrderDate),
            (inParts.Read, inParts.Accepted, inParts.Skipped, inParts.Rejected, inParts.FirstOrderDate, inParts.LatestOrderDate));
        Assert.Equal([3L, 6L], inParts.FirstErrors.Select(e => e.Line));
        Assert.Equal(oneByOne.FirstErrors, inParts.FirstErrors);
    }
}
