using Segments.Core.Ingest;

namespace Segments.Core.Tests.Ingest;

public class TransactionFileReaderTests
{
    [Fact]
    public async Task Uci_header_selects_the_uci_profile()
    {
        // Arrange
        var csv = ExportFile.UciHeader + "\n";

        // Act
        var (profile, _) = await ExportFile.OpenAsync(csv);

        // Assert
        Assert.Equal("uci-online-retail", profile);
    }

    [Fact]
    public async Task Generic_header_selects_the_generic_profile()
    {
        // Arrange
        const string csv = "customer_id,order_id,order_date,amount\n";

        // Act
        var (profile, _) = await ExportFile.OpenAsync(csv);

        // Assert
        Assert.Equal("generic", profile);
    }

    [Fact]
    public async Task Header_columns_are_recognised_whatever_their_case()
    {
        // Arrange
        const string csv = "Customer_ID,ORDER_ID,Order_Date,Amount\nA,1,2011-12-09,5\n";

        // Act
        var row = await ExportFile.ReadSingleRowAsync(csv);

        // Assert
        Assert.Equal(RowStatus.Accepted, row.Status);
    }

    [Fact]
    public async Task Unrecognised_header_is_rejected_naming_the_expected_columns()
    {
        // Arrange
        const string csv = "id,date,total\n1,2011-12-09,5\n";

        // Act
        var (profile, rejection) = await ExportFile.OpenAsync(csv);

        // Assert
        Assert.Null(profile);
        Assert.NotNull(rejection);
        Assert.Contains("InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID", rejection, StringComparison.Ordinal);
        Assert.Contains("customer_id,order_id,order_date,amount", rejection, StringComparison.Ordinal);
        Assert.Contains("found (id,date,total)", rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_file_is_rejected()
    {
        // Arrange
        const string csv = "";

        // Act
        var (profile, rejection) = await ExportFile.OpenAsync(csv);

        // Assert
        Assert.Null(profile);
        Assert.Equal("the file is empty: no header line", rejection);
    }

    [Fact]
    public async Task Header_with_spaces_after_the_commas_is_recognised()
    {
        // Act
        var (profile, rejection) = await ExportFile.OpenAsync("customer_id, order_id, order_date, amount\nA,o1,2024-01-01,10\n");

        // Assert
        Assert.Null(rejection);
        Assert.Equal("generic", profile);
    }

    [Fact]
    public async Task File_with_only_a_blank_line_is_rejected_as_empty()
    {
        // Arrange
        const string csv = "\n";

        // Act
        var (profile, rejection) = await ExportFile.OpenAsync(csv);

        // Assert
        Assert.Null(profile);
        Assert.Equal("the file is empty: no header line", rejection);
    }

    [Fact]
    public async Task Byte_order_mark_before_the_header_is_ignored()
    {
        // Arrange: without BOM handling the first column would be "\uFEFFcustomer_id" and the header refused.
        const string csv = "customer_id,order_id,order_date,amount\nA,1,2011-12-09,5\n";

        // Act
        var row = Assert.Single(await ExportFile.ReadRowsAsync(csv, byteOrderMark: true));

        // Assert
        Assert.Equal("A", row.Transaction.CustomerId);
    }

    [Fact]
    public async Task Header_is_line_one_so_data_rows_are_numbered_from_two()
    {
        // Arrange
        const string csv = "customer_id,order_id,order_date,amount\nA,1,2011-12-09,5\nB,2,2011-12-09,6\n";

        // Act
        var rows = await ExportFile.ReadRowsAsync(csv);

        // Assert
        Assert.Equal([2L, 3L], rows.Select(r => r.Line));
    }

    [Fact]
    public async Task Row_with_too_few_fields_is_rejected()
    {
        // Arrange: the header has 4 columns, line 3 only 3 fields.
        const string csv = "customer_id,order_id,order_date,amount\nA,1,2011-12-09,5\nB,2,2011-12-09\n";

        // Act
        var rows = await ExportFile.ReadRowsAsync(csv);

        // Assert
        Assert.Equal(RowStatus.Rejected, rows[1].Status);
        Assert.Equal(new RowError(3, "", "", "expected 4 fields, found 3"), rows[1].Error);
    }

    [Fact]
    public async Task Blank_line_between_rows_is_skipped()
    {
        // Arrange
        const string csv = "customer_id,order_id,order_date,amount\nA,1,2011-12-09,5\n\nB,2,2011-12-09,6\n";

        // Act
        var rows = await ExportFile.ReadRowsAsync(csv);

        // Assert
        Assert.Equal([RowStatus.Accepted, RowStatus.Skipped, RowStatus.Accepted], rows.Select(r => r.Status));
    }

    [Fact]
    public async Task Quoted_fields_keep_their_embedded_commas()
    {
        // Arrange: the Description holds a comma; unquoted it would shift every later column by one.
        var csv = ExportFile.UciHeader + "\n"
            + "536365,21730,\"GLASS STAR FROSTED T-LIGHT HOLDER, LARGE\",6,12/1/2010 8:26,4.25,17850.0,\"Korea, Republic of\"\n";

        // Act
        var row = await ExportFile.ReadSingleRowAsync(csv);

        // Assert: 6 × 4.25 = 25.50; the country keeps its comma.
        Assert.Equal(25.50m, row.Transaction.Amount);
        Assert.Equal("Korea, Republic of", row.Transaction.Country);
    }
}
