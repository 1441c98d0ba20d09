using Segments.Core.Transactions;

namespace Segments.Core.Tests.Transactions;

public class NormalizedBatchFormatTests
{
    [Fact]
    public async Task Lines_written_then_read_back_are_equal()
    {
        // Arrange: ids and countries with commas and quotes, a cancellation, a negative and a fractional amount.
        TransactionLine[] lines =
        [
            new("17850", "536365", new DateOnly(2010, 12, 1), 15.30m, "United Kingdom", false),
            new("Smith, \"Jr\"", "O,\"7\"", new DateOnly(2011, 12, 9), 1234.5678m, "Korea, \"Republic\" of", false),
            new("14527", "C536379", new DateOnly(2011, 1, 31), -27.50m, "", true),
        ];
        var writer = new StringWriter();
        await NormalizedBatchFormat.WriteHeaderAsync(writer);
        foreach (var line in lines)
        {
            await NormalizedBatchFormat.WriteAsync(writer, line);
        }

        // Act
        var readBack = new List<TransactionLine>();
        await foreach (var line in NormalizedBatchFormat.ReadAsync(new StringReader(writer.ToString()), CancellationToken.None))
        {
            readBack.Add(line);
        }

        // Assert
        Assert.Equal(lines, readBack);
    }

    [Fact]
    public async Task Line_is_written_in_the_documented_column_order()
    {
        // Arrange
        var writer = new StringWriter { NewLine = "\n" };
        var line = new TransactionLine("14527", "C536379", new DateOnly(2011, 1, 31), -27.50m, "Korea, Republic of", true) { Product = "22139" };

        // Act
        await NormalizedBatchFormat.WriteAsync(writer, line);

        // Assert: customer_id,order_id,order_date,amount,country,cancelled,product.
        Assert.Equal("14527,C536379,2011-01-31,-27.50,\"Korea, Republic of\",1,22139\n", writer.ToString());
    }
}
