using Segments.Core.Btyd;
using Segments.Core.Ingest;

namespace Segments.Core.Tests.Btyd;

public sealed class PurchaseLogReaderTests
{
    [Fact]
    public async Task Reads_the_CDNOW_master_layout_by_its_header()
    {
        // As CDNOW_master.txt: a header, fields separated by runs of spaces, CRLF, YYYYMMDD dates.
        const string log = " customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n 00002 19970112  1   12.00\r\n 00002 19970112  5   77.00\r\n 00002 19970201  1   10.00\r\n";

        var (report, data) = await ReadAsync(log, new PurchaseLogOptions());

        Assert.Null(report.Rejection);
        Assert.Equal(4, report.RowsAccepted);
        Assert.True(report.HasAmounts);
        Assert.Equal(["00001", "00002"], data.Customers.Select(c => c.CustomerId));
        Assert.Equal(1, data.Customers[1].History.RepeatPurchases);
        Assert.Equal(10.0, data.Customers[1].AverageRepeatSpend);
    }

    [Fact]
    public async Task Reads_a_headerless_log_by_column_positions()
    {
        // As CDNOW_sample.txt: master id, sample id, date, CDs, dollars; no header.
        const string log = "00004 0001 19970101  2   29.33\n00004 0001 19970118  2   29.73\n00021 0002 19970101  3   63.34\n";

        var (report, data) = await ReadAsync(log, new PurchaseLogOptions("2", "3", "5"));

        Assert.Null(report.Rejection);
        Assert.Equal(3, report.RowsAccepted);
        Assert.Equal(["0001", "0002"], data.Customers.Select(c => c.CustomerId));
    }

    [Fact]
    public async Task Reads_a_csv_with_named_columns_and_quoted_fields()
    {
        const string log = "when,who,\"note, free text\",value\n2024-01-01,c1,\"a, b\",10.5\n2024-01-08,c1,x,20\n";

        var (report, data) = await ReadAsync(log, new PurchaseLogOptions("who", "when", "value"));

        Assert.Null(report.Rejection);
        var customer = Assert.Single(data.Customers);
        Assert.Equal(new CustomerHistory(1, 1, 1), customer.History);
        Assert.Equal(20.0, customer.AverageRepeatSpend);
    }

    [Fact]
    public async Task Honours_an_explicit_date_format()
    {
        const string log = "customer_id,date,amount\nc1,03/02/2024,1\nc1,10/02/2024,1\n";

        var (_, data) = await ReadAsync(log, new PurchaseLogOptions(DateFormat: "dd/MM/yyyy"));

        Assert.Equal(new CustomerHistory(1, 1, 1), Assert.Single(data.Customers).History);
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_line_column_and_value_and_the_rest_is_read()
    {
        const string log = "customer_id,date,amount\nc1,2024-01-01,1\nc1,yesterday,1\nc1,2024-01-08,lots\n,2024-01-09,1\nc1,2024-01-15,2\n";

        var (report, data) = await ReadAsync(log, new PurchaseLogOptions());

        Assert.Equal(5, report.RowsRead);
        Assert.Equal(2, report.RowsAccepted);
        Assert.Equal(3, report.RowsRejected);
        Assert.Equal((3L, "date", "yesterday"), (report.FirstErrors[0].Line, report.FirstErrors[0].Column, report.FirstErrors[0].Value));
        Assert.Equal((4L, "amount", "lots"), (report.FirstErrors[1].Line, report.FirstErrors[1].Column, report.FirstErrors[1].Value));
        Assert.Equal(1, Assert.Single(data.Customers).History.RepeatPurchases);
    }

    [Fact]
    public async Task Missing_named_column_refuses_the_file_with_the_header_found()
    {
        var (report, _) = await ReadAsync("a,b,c\n1,2,3\n", new PurchaseLogOptions());

        Assert.Contains("no customer (customer_id or CustomerID or customer) column in the first line (a,b,c)", report.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_without_amounts_still_gives_histories()
    {
        var (report, data) = await ReadAsync("customer_id;date\nc1;2024-01-01\nc1;2024-01-02\n", new PurchaseLogOptions());

        Assert.False(report.HasAmounts);
        Assert.Equal(1, Assert.Single(data.Customers).History.RepeatPurchases);
    }

    private static async Task<(PurchaseLogReport Report, CalibrationData Data)> ReadAsync(string log, PurchaseLogOptions options)
    {
        var builder = new CustomerHistoryBuilder();
        var report = await PurchaseLogReader.ReadIntoAsync(new StringReader(log), options, builder, CancellationToken.None);
        return (report, builder.Build(unit: TimeUnit.Week));
    }
}
