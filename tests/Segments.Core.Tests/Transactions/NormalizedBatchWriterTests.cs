using System.Globalization;
using System.Text;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Transactions;

/// <summary>
/// The UTF-8 batch writer must produce exactly the bytes of the text writer path it replaced
/// (<see cref="NormalizedBatchFormat.WriteAsync"/> through a <see cref="StreamWriter"/>), whatever the lines.
/// </summary>
public class NormalizedBatchWriterTests
{
    [Theory]
    [MemberData(nameof(NormalizedBatchFormatTests.VariedLines), MemberType = typeof(NormalizedBatchFormatTests))]
    public async Task Varied_line_is_written_as_the_text_writer_writes_it(TransactionLine line)
    {
        // Act
        var expected = await TextWriterBytesAsync([line]);
        var actual = await WriterBytesAsync([line]);

        // Assert
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Many_random_lines_are_written_as_the_text_writer_writes_them()
    {
        // Arrange: enough lines to fill the buffer many times, with fields that need quoting, non-ASCII text,
        // lone surrogates, long values and amounts of every scale, sign and size.
        var random = new Random(406829);
        var lines = Enumerable.Range(0, 20_000).Select(_ => RandomLine(random)).ToList();

        // Act
        var expected = await TextWriterBytesAsync(lines);
        var actual = await WriterBytesAsync(lines);

        // Assert
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Amounts_are_formatted_as_decimal_formats_them()
    {
        // Arrange
        decimal[] edges =
        [
            0m, -0m, 0.00m, new decimal(0, 0, 0, true, 3), 1m, -1m, 0.05m, -0.05m, 15.30m, 1234.5678m, 0.0000000000000000000000000001m,
            decimal.MaxValue, decimal.MinValue, decimal.MaxValue / 3, ulong.MaxValue, -(decimal)ulong.MaxValue, (decimal)ulong.MaxValue + 1,
            new decimal(-1, -1, 0, false, 28), new decimal(-1, -1, 0, true, 19), new decimal(1, 0, 0, false, 28),
        ];
        var random = new Random(12346);
        var values = edges.Concat(Enumerable.Range(0, 20_000).Select(_ => RandomAmount(random)));
        Span<byte> buffer = stackalloc byte[64];

        foreach (var value in values)
        {
            // Act
            var expected = value.ToString(CultureInfo.InvariantCulture);
            var handled = PlainAmount.TryFormat(value, buffer, out var written);

            // Assert: the fast path leaves zero and mantissas of 2^64 and above to decimal.TryFormat.
            var bits = decimal.GetBits(value);
            Assert.Equal(bits[2] == 0 && (bits[0] | bits[1]) != 0, handled);
            if (handled)
            {
                Assert.Equal(expected, Encoding.ASCII.GetString(buffer[..written]));
            }
        }
    }

    [Fact]
    public void Amount_that_does_not_fit_is_left_to_the_plain_route()
    {
        // Arrange
        Span<byte> buffer = stackalloc byte[4];

        // Act
        var handled = PlainAmount.TryFormat(-12.345m, buffer, out var written);

        // Assert
        Assert.False(handled);
        Assert.Equal(0, written);
    }

    private static async Task<byte[]> TextWriterBytesAsync(IEnumerable<TransactionLine> lines)
    {
        using var buffer = new MemoryStream();
        var writer = new StreamWriter(buffer, NormalizedBatchFormat.Encoding);
        await using (writer.ConfigureAwait(false))
        {
            await NormalizedBatchFormat.WriteHeaderAsync(writer);
            foreach (var line in lines)
            {
                await NormalizedBatchFormat.WriteAsync(writer, line);
            }
        }

        return buffer.ToArray();
    }

    private static async Task<byte[]> WriterBytesAsync(IEnumerable<TransactionLine> lines)
    {
        using var buffer = new MemoryStream();
        var writer = new NormalizedBatchWriter(buffer);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteHeaderAsync();
            foreach (var line in lines)
            {
                await writer.WriteAsync(line);
            }
        }

        return buffer.ToArray();
    }

    private static TransactionLine RandomLine(Random random) =>
        new(RandomText(random), RandomText(random), new DateOnly(random.Next(1, 10_000), random.Next(1, 13), random.Next(1, 29)), RandomAmount(random), RandomText(random), random.Next(2) == 0)
        {
            Product = RandomText(random),
        };

    private static string RandomText(Random random)
    {
        // Mostly short ASCII ids; sometimes a character that needs quoting, non-ASCII or a lone surrogate;
        // now and then a value longer than the room the writer keeps for a line.
        const string Plain = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz .-_:/\t";
        string[] odd = [",", "\"", "\r", "\n", "\r\n", "é", "€", "😀", "\ud800", "\udc00", "\u0000", "\u007f", "\u0080"];
        var length = random.Next(20) == 0 ? random.Next(200, 1500) : random.Next(0, 16);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(30) == 0 ? odd[random.Next(odd.Length)] : Plain[random.Next(Plain.Length)].ToString());
        }

        return text.ToString();
    }

    private static decimal RandomAmount(Random random)
    {
        var scale = (byte)random.Next(0, 29);
        return random.Next(6) switch
        {
            0 => new decimal(random.Next(), random.Next(), random.Next(), random.Next(2) == 0, scale),
            1 => new decimal(random.Next(), random.Next(), 0, random.Next(2) == 0, scale),
            2 => new decimal(random.Next(0, 3), 0, 0, random.Next(2) == 0, scale),
            _ => new decimal(random.Next(1, 100_000), 0, 0, random.Next(2) == 0, (byte)random.Next(0, 5)),
        };
    }
}
