using System.Text;
using Segments.Core.Ingest;
using Segments.Core.Synthetic;

namespace Segments.Core.Tests.Synthetic;

public class RetailExportGeneratorTests
{
    [Fact]
    public void Same_seed_and_size_give_the_same_file()
    {
        // Arrange, Act
        var first = Generate(rows: 2_000, seed: 7);
        var second = Generate(rows: 2_000, seed: 7);
        var other = Generate(rows: 2_000, seed: 8);

        // Assert
        Assert.Equal(first.Text, second.Text);
        Assert.NotEqual(first.Text, other.Text);
    }

    [Fact]
    public void Byte_bound_stops_at_the_first_whole_row_past_it()
    {
        // Arrange, Act
        var (text, summary) = Generate(rows: long.MaxValue, seed: 1, maxBytes: 100_000);

        // Assert
        Assert.Equal(Encoding.UTF8.GetByteCount(text), summary.Bytes);
        Assert.InRange(summary.Bytes, 100_000, 100_000 + 512);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generated_file_is_read_as_UCI_Online_Retail_with_cancellations_and_guest_rows()
    {
        // Arrange
        var (text, summary) = Generate(rows: 20_000, seed: 1);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var cancelled = 0;

        // Act
        var report = await new ExportProcessor(ExportContext.Default).ProcessAsync(
            stream,
            new ExportSource("generated.csv"),
            line =>
            {
                cancelled += line.IsCancellation ? 1 : 0;
                return ValueTask.CompletedTask;
            },
            _ => ValueTask.CompletedTask,
            CancellationToken.None);

        // Assert
        Assert.Equal("uci-online-retail", report.Mapping);
        Assert.Null(report.Rejection);
        Assert.Equal((20_000L, 0L), (report.RowsRead, report.RowsRejected));
        Assert.Equal(summary.RowsWithoutCustomer, report.RowsSkipped);
        Assert.InRange(report.RowsSkipped / 20_000.0, 0.10, 0.35);
        Assert.InRange(cancelled / 20_000.0, 0.01, 0.04);
        Assert.Contains("\",", text, StringComparison.Ordinal);
    }

    private static (string Text, RetailExportSummary Summary) Generate(long rows, ulong seed, long maxBytes = long.MaxValue)
    {
        using var writer = new StringWriter();
        var summary = RetailExportGenerator.Write(writer, rows, maxBytes, seed);
        return (writer.ToString(), summary);
    }
}
