using Segments.Core.Btyd;

namespace Segments.Core.Tests.Btyd;

public sealed class SummaryFileReaderTests
{
    [Fact]
    public async Task Reads_the_lifetimes_column_names()
    {
        var file = await SummaryFileReader.ReadAsync(new StringReader("ID,frequency,recency,T\n1,2,30.43,38.86\n3,0,0.0,38.86\n"), CancellationToken.None);

        Assert.Null(file.Rejection);
        Assert.False(file.HasSpend);
        Assert.Equal(new CustomerHistory(2, 30.43, 38.86), file.Customers[0].History);
    }

    [Fact]
    public async Task Reads_z_bar_when_present()
    {
        var file = await SummaryFileReader.ReadAsync(new StringReader("ID,x,t_x,T,zbar\n1,2,30.43,38.86,22.35\n"), CancellationToken.None);

        Assert.True(file.HasSpend);
        Assert.Equal(22.35, Assert.Single(file.Customers).AverageRepeatSpend);
    }

    [Fact]
    public async Task Impossible_rows_are_rejected_with_the_reason()
    {
        var file = await SummaryFileReader.ReadAsync(new StringReader("id,x,t_x,T\n1,2,3,-4\n2,two,1,5\n3,1,1,5\n"), CancellationToken.None);

        Assert.Equal(2, file.RowsRejected);
        Assert.Contains("T = -4 is negative", file.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Equal("x", file.Errors[1].Column);
        Assert.Equal("3", Assert.Single(file.Customers).CustomerId);
    }

    [Fact]
    public async Task Unknown_header_is_refused()
    {
        var file = await SummaryFileReader.ReadAsync(new StringReader("a,b\n1,2\n"), CancellationToken.None);

        Assert.Contains("expected the columns id,x,t_x,T[,zbar]", file.Rejection, StringComparison.Ordinal);
    }
}
