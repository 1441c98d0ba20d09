using Segments.Core.Ingest;

namespace Segments.Core.Tests.Ingest;

public class UciOnlineRetailProfileTests
{
    [Fact]
    public async Task Customer_id_exported_as_a_float_is_read_as_the_integer()
    {
        // Arrange
        var csv = Uci("536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom");

        // Act
        var row = await ExportFile.ReadSingleRowAsync(csv);

        // Assert
        Assert.Equal("17850", row.Transaction.CustomerId);
    }

    [Fact]
    public async Task Row_without_customer_id_is_skipped()
    {
        // Arrange
        var csv = Uci("536544,21773,DECORATIVE ROSE BATHROOM BOTTLE,1,12/1/2010 14:32,2.51,,United Kingdom");

        // Act
        var row = await ExportFile.ReadSingleRowAsync(csv);

        // Assert
        Assert.Equal(RowStatus.Skipped, row.Status);
        Assert.Equal("no CustomerID", row.SkipReason);
    }

    [Fact]
    public async Task Rows_without_customer_id_are_counted_as_skipped()
    {
        // Arrange: one row with a customer, two without.
        var csv = Uci(
            "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom",
            "536544,21773,DECORATIVE ROSE BATHROOM BOTTLE,1,12/1/2010 14:32,2.51,,United Kingdom",
            "536544,21774,DECORATIVE CATS BATHROOM BOTTLE,2,12/1/2010 14:32,2.51, ,United Kingdom");
        var tally = new RowTally(errorsKept: 20);

        // Act
        foreach (var row in await ExportFile.ReadRowsAsync(csv))
        {
            tally.Count(row);
        }

        // Assert
        Assert.Equal((3L, 1L, 2L, 0L), (tally.Read, tally.Accepted, tally.Skipped, tally.Rejected));
    }

    [Fact]
    public async Task Invoice_starting_with_C_is_a_cancellation()
    {
        // Arrange
        var csv = Uci("C536379,D,Discount,-1,12/1/2010 9:41,27.50,14527.0,United Kingdom");

        // Act
        var row = await ExportFile.ReadSingleRowAsync(csv);

        // Assert
        Assert.True(row.Transaction.IsCancellation);
    }

    [Fact]
    public async Task Invoice_without_a_C_is_an_order()
    {
        // Arrange
        var csv = Uci("536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom");

        // Act
        var row = await ExportFile.ReadSingleRowAsync(csv);

        // Assert
        Assert.False(row.Transaction.IsCancellation);
    }

    [Fact]
    public async Task Amount_is_quantity_times_unit_price()
    {
        // Arrange
        var csv = Uci("536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom");

        // Act
        var row = await ExportFile.ReadSingleRowAsync(csv);

        // Assert: 6 × 2.55 = 15.30.
        Assert.Equal(15.30m, row.Transaction.Amount);
    }

    [Fact]
    public async Task Cancellation_amount_is_negative_from_its_negative_quantity()
    {
        // Arrange
        var csv = Uci("C536379,D,Discount,-1,12/1/2010 9:41,27.50,14527.0,United Kingdom");

        // Act
        var row = await ExportFile.ReadSingleRowAsync(csv);

        // Assert: −1 × 27.50 = −27.50.
        Assert.Equal(-27.50m, row.Transaction.Amount);
    }

    [Fact]
    public async Task Row_becomes_a_transaction_line_with_order_date_and_country()
    {
        // Arrange
        var csv = Uci("536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom");

        // Act
        var row = await ExportFile.ReadSingleRowAsync(csv);

        // Assert: 12/1/2010 is M/d/yyyy, so 1 December 2010; the StockCode is the product.
        Assert.Equal(
            new Segments.Core.Transactions.TransactionLine("17850", "536365", new DateOnly(2010, 12, 1), 15.30m, "United Kingdom", false) { Product = "85123A" },
            row.Transaction);
    }

    [Fact]
    public async Task Unparsable_quantity_is_rejected_with_line_column_and_value()
    {
        // Arrange: the bad row is the second data row, i.e. line 3.
        var csv = Uci(
            "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom",
            "536366,22633,HAND WARMER UNION JACK,six,12/1/2010 8:28,1.85,17850.0,United Kingdom");

        // Act
        var row = (await ExportFile.ReadRowsAsync(csv))[1];

        // Assert
        Assert.Equal(RowStatus.Rejected, row.Status);
        Assert.Equal((3L, "Quantity", "six"), (row.Error!.Line, row.Error.Column, row.Error.Value));
    }

    [Fact]
    public async Task Unparsable_unit_price_is_rejected_with_line_column_and_value()
    {
        // Arrange
        var csv = Uci("536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.8.5,17850.0,United Kingdom");

        // Act
        var row = await ExportFile.ReadSingleRowAsync(csv);

        // Assert
        Assert.Equal(RowStatus.Rejected, row.Status);
        Assert.Equal((2L, "UnitPrice", "1.8.5"), (row.Error!.Line, row.Error.Column, row.Error.Value));
    }

    [Fact]
    public async Task Unparsable_invoice_date_is_rejected_with_line_column_and_value()
    {
        // Arrange
        var csv = Uci("536366,22633,HAND WARMER UNION JACK,6,13/45/2010 8:28,1.85,17850.0,United Kingdom");

        // Act
        var row = await ExportFile.ReadSingleRowAsync(csv);

        // Assert
        Assert.Equal(RowStatus.Rejected, row.Status);
        Assert.Equal((2L, "InvoiceDate", "13/45/2010 8:28"), (row.Error!.Line, row.Error.Column, row.Error.Value));
    }

    private static string Uci(params string[] rows) => ExportFile.UciHeader + "\n" + string.Join("\n", rows) + "\n";
}
