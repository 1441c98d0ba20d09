using System.Text;
using Segments.Core.Transactions;

namespace Segments.Pipeline.Scale;

/// <summary>
/// One bucket's lines as bytes, for the copy pass 1 of a bucketed run keeps for the later passes
/// (<see cref="RunWorkBlobs.LinesOf"/>): every field of every line, in the order given, so that a pass reading the
/// copy folds exactly what it would have folded from the state. Each distinct string (customer, order, country,
/// product) is written once and then referred to by its number, as a bucket's lines repeat them (a customer's id on
/// each of their lines, an order's on each of its lines); an amount is its sign, scale and integer digits, so it
/// comes back with the same scale (12.50 stays 12.50).
/// </summary>
public static class BucketLinesFormat
{
    private const int Version = 1;

    // An amount whose digits do not fit 63 bits is written whole (decimal's 16 bytes) after this marker; a scale
    // (0 to 28) with the sign in the high bit never reaches it.
    private const byte WholeDecimal = 0xFF;
    private const byte Negative = 0x80;

    /// <summary>The bytes of <paramref name="lines"/>.</summary>
    public static byte[] ToBytes(IReadOnlyList<TransactionLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            var strings = new Dictionary<string, int>(StringComparer.Ordinal);
            writer.Write(Version);
            writer.Write(lines.Count);
            foreach (var line in lines)
            {
                WriteString(writer, strings, line.CustomerId);
                WriteString(writer, strings, line.OrderId);
                writer.Write7BitEncodedInt(line.OrderDate.DayNumber);
                WriteAmount(writer, line.Amount);
                WriteString(writer, strings, line.Country);
                writer.Write(line.IsCancellation);
                WriteString(writer, strings, line.Product);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The lines <see cref="ToBytes"/> wrote, in their order; <paramref name="source"/> names the bytes in errors.</summary>
    public static List<TransactionLine> FromBytes(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            var version = reader.ReadInt32();
            if (version != Version)
            {
                throw new InvalidDataException($"{source}: not a bucket's lines of version {Version} (found {version})");
            }

            var count = reader.ReadInt32();
            var lines = new List<TransactionLine>(count);
            var strings = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var customer = ReadString(reader, strings, source);
                var order = ReadString(reader, strings, source);
                var date = DateOnly.FromDayNumber(reader.Read7BitEncodedInt());
                var amount = ReadAmount(reader);
                var country = ReadString(reader, strings, source);
                var cancelled = reader.ReadBoolean();
                lines.Add(new TransactionLine(customer, order, date, amount, country, cancelled) { Product = ReadString(reader, strings, source) });
            }

            if (reader.BaseStream.Position != bytes.Length)
            {
                throw new InvalidDataException($"{source}: {bytes.Length - reader.BaseStream.Position} bytes after the last of {count} lines");
            }

            return lines;
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException($"{source}: cut short ({bytes.Length} bytes)", ex);
        }
    }

    // A string seen before is its number + 1; a new one is 0 and its text, and takes the next number.
    private static void WriteString(BinaryWriter writer, Dictionary<string, int> strings, string value)
    {
        if (strings.TryGetValue(value, out var known))
        {
            writer.Write7BitEncodedInt(known + 1);
            return;
        }

        strings.Add(value, strings.Count);
        writer.Write7BitEncodedInt(0);
        writer.Write(value);
    }

    private static string ReadString(BinaryReader reader, List<string> strings, string source)
    {
        var reference = reader.Read7BitEncodedInt();
        if (reference == 0)
        {
            var value = reader.ReadString();
            strings.Add(value);
            return value;
        }

        return reference <= strings.Count
            ? strings[reference - 1]
            : throw new InvalidDataException($"{source}: string {reference - 1} referred to before it was written ({strings.Count} so far)");
    }

    private static void WriteAmount(BinaryWriter writer, decimal amount)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(amount, bits);
        var digits = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        if (bits[2] != 0 || digits > long.MaxValue)
        {
            writer.Write(WholeDecimal);
            writer.Write(amount);
            return;
        }

        var scale = (byte)((bits[3] >> 16) & 0xFF);
        writer.Write((byte)(scale | (bits[3] < 0 ? Negative : 0)));
        writer.Write7BitEncodedInt64((long)digits);
    }

    private static decimal ReadAmount(BinaryReader reader)
    {
        var head = reader.ReadByte();
        if (head == WholeDecimal)
        {
            return reader.ReadDecimal();
        }

        var digits = (ulong)reader.Read7BitEncodedInt64();
        return new decimal((int)(uint)digits, (int)(uint)(digits >> 32), 0, (head & Negative) != 0, (byte)(head & ~Negative));
    }
}
