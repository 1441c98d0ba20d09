using Segments.Core.Ingest;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Ingest;

public class GenericOrdersProfileTests
{
    [Fact]
    public async Task Row_becomes_a_transaction_line()
    {
        // Arrange
        var csv = Generic("C-17,O-9,2011-12-09,42.50,France");

        // Act
        var row = await ExportFile.ReadSingleRowAsync(csv);

        // Assert: order ids starting with C are ordinary orders in this layout.
        Assert.Equal(new TransactionLine("C-17", "O-9", new DateOnly(2011, 12, 9), 42.50m, "France", false), row.Transaction);
    }

    [Fact]
    public async Task Country_column_is_optional()
    {
        // Arrange
        const string csv = "customer_id,order_id,order_date,amount\nC-17,O-9,2011-12-09,42.50\n";

        // Act
        var row = await ExportFile.ReadSingleRowAsync(csv);

        // Assert
        Assert.Equal(RowStatus.Accepted, row.Status);
        Assert.Equal("", row.Transaction.Country);
    }

    [Fact]
    public async Task Columns_may_come_in_any_order()
    {
        // Arrange
        const string csv = "amount,order_date,order_id,customer_id\n42.50,2011-12-09,O-9,C-17\n";

        // Act
        var row = await ExportFile.ReadSingleRowAsync(csv);

        // Assert
        Assert.Equal(new TransactionLine("C-17", "O-9", new DateOnly(2011, 12, 9), 42.50m, "", false), row.Transaction);
    }

    [Fact]
    public async Task Unparsable_amount_is_rejected_with_line_column_and_value()
    {
        // Arrange: the bad row is the third data row, i.e. line 4.
        var csv = Generic(
            "C-1,O-1,2011-12-09,10,France",
            "C-2,O-2,2011-12-09,11,France",
            "C-3,O-3,2011-12-09,twelve,France");

        // Act
        var row = (await ExportFile.ReadRowsAsync(csv))[2];

        // Assert
        Assert.Equal(RowStatus.Rejected, row.Status);
        Assert.Equal((4L, "amount", "twelve"), (row.Error!.Line, row.Error.Column, row.Error.Value));
    }

    [Fact]
    public async Task Unparsable_order_date_is_rejected_with_line_column_and_value()
    {
        // Arrange: 30 February does not exist.
        var csv = Generic("C-1,O-1,2011-02-30,10,France");

        // Act
        var row = await ExportFile.ReadSingleRowAsync(csv);

        // Assert
        Assert.Equal(RowStatus.Rejected, row.Status);
        Assert.Equal((2L, "order_date", "2011-02-30"), (row.Error!.Line, row.Error.Column, row.Error.Value));
    }

    [Fact]
    public async Task Row_without_customer_id_is_rejected()
    {
        // Arrange: unlike the UCI file, a generic export has no reason to omit the customer.
        var csv = Generic(",O-1,2011-12-09,10,France");

        // Act
        var row = await ExportFile.ReadSingleRowAsync(csv);

        // Assert
        Assert.Equal(RowStatus.Rejected, row.Status);
        Assert.Equal((2L, "customer_id"), (row.Error!.Line, row.Error.Column));
    }

    private static string Generic(params string[] rows) => ExportFile.GenericHeader + "\n" + string.Join("\n", rows) + "\n";
}
