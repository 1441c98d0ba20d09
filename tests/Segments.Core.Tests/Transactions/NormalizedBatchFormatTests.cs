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

    public static TheoryData<TransactionLine> VariedLines => new()
    {
        new TransactionLine("17850", "536365", new DateOnly(2010, 12, 1), 15.30m, "United Kingdom", false) { Product = "85123A" },
        new TransactionLine("Smith, \"Jr\"", "O,\"7\"", new DateOnly(2011, 12, 9), 1234.5678m, "Korea, \"Republic\" of", false),
        new TransactionLine("a\r\nb", "C536379", new DateOnly(1, 1, 1), -0.000m, "", true) { Product = "x,y" },
        new TransactionLine("12346", "541431", new DateOnly(999, 9, 9), decimal.MaxValue, "EIRE", false),
        new TransactionLine("12346", "541431", new DateOnly(9999, 12, 31), decimal.MinValue / 3, "EIRE", true),
        new TransactionLine(new string('x', 300), new string('y', 300), new DateOnly(2011, 1, 2), 0m, new string(',', 100), false) { Product = new string('"', 50) },
    };

    [Theory]
    [MemberData(nameof(VariedLines))]
    public async Task Line_text_is_the_interpolated_format(TransactionLine line)
    {
        // Arrange: the format as first written, kept here as the reference for the buffered writer.
        var expected = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Segments.Core.Ingest.CsvField.Escape(line.CustomerId)},{Segments.Core.Ingest.CsvField.Escape(line.OrderId)},{line.OrderDate:yyyy-MM-dd},{line.Amount},{Segments.Core.Ingest.CsvField.Escape(line.Country)},{(line.IsCancellation ? 1 : 0)},{Segments.Core.Ingest.CsvField.Escape(line.Product)}") + "\n";
        var writer = new StringWriter { NewLine = "\n" };

        // Act
        await NormalizedBatchFormat.WriteAsync(writer, line);

        // Assert
        Assert.Equal(expected, writer.ToString());
    }

    [Fact]
    public async Task Batches_written_before_products_were_kept_still_read()
    {
        // Arrange: the six-column layout of the first release (no product column).
        using var reader = new StringReader("customer_id,order_id,order_date,amount,country,cancelled\n17850,536365,2010-12-01,15.30,United Kingdom,0\n");

        // Act
        var lines = new List<TransactionLine>();
        await foreach (var line in NormalizedBatchFormat.ReadAsync(reader, CancellationToken.None))
        {
            lines.Add(line);
        }

        // Assert
        Assert.Equal([new TransactionLine("17850", "536365", new DateOnly(2010, 12, 1), 15.30m, "United Kingdom", false)], lines);
    }
}
