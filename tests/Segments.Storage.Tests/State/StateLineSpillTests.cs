using System.Globalization;
using Segments.Core.Transactions;
using Segments.Storage.State;

namespace Segments.Storage.Tests.State;

public sealed class StateLineSpillTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"state-line-spill-{Guid.NewGuid():N}.spill");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Lines_and_buckets_read_back_exactly_as_written_amount_scale_and_empty_fields_included()
    {
        List<(int Bucket, StateLine Line)> written =
        [
            (5, new(3, 0, new TransactionLine("C1", "o1", new DateOnly(2024, 3, 1), 12.50m, "France", false) { Product = "SKU-1" })),
            (63, new(3, 1, new TransactionLine("C1", "o1", new DateOnly(2024, 3, 1), -0.001m, string.Empty, true))),
            (0, new(0, 7, new TransactionLine("Ç2,\"x\"", "o2", new DateOnly(1, 1, 1), 79228162514264337593543950335m, "United Kingdom", false) { Product = "a, \"b\"" })),
        ];
        using (var writer = new StateLineSpillWriter(_path))
        {
            foreach (var (bucket, line) in written)
            {
                writer.Write(bucket, line);
            }
        }

        var back = ReadRange(0, null);

        Assert.Equal(written, back);
        Assert.Equal(["12.50", "-0.001", "79228162514264337593543950335"], back.Select(l => l.Line.Line.Amount.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_reader_of_a_byte_range_reads_only_the_lines_written_between_its_positions()
    {
        var lines = Enumerable.Range(0, 3_000)
            .Select(i => new StateLine(i / 1000, i, new TransactionLine("C" + i, "o" + (i / 2), new DateOnly(2024, 1, 1).AddDays(i % 300), i / 100m, "Norway", false)))
            .ToList();
        long start;
        long end;
        using (var writer = new StateLineSpillWriter(_path, bufferSize: 512))
        {
            for (var i = 0; i < lines.Count; i++)
            {
                writer.Write(i % 64, lines[i]);
            }

            end = writer.Position;
        }

        using (var writer = new StateLineSpillWriter(_path))
        {
            start = writer.Position;
            writer.Write(1, lines[0]);
        }

        Assert.Equal(lines.Select(l => l.LineNumber), ReadRange(0, end).Select(l => l.Line.LineNumber));
        Assert.Equal([(1, lines[0])], ReadRange(start, null));
    }

    private List<(int Bucket, StateLine Line)> ReadRange(long start, long? end)
    {
        var lines = new List<(int, StateLine)>();
        using var reader = new StateLineSpillReader(_path, start, end);
        while (reader.MoveNext())
        {
            lines.Add((reader.Bucket, reader.Current));
        }

        return lines;
    }
}
