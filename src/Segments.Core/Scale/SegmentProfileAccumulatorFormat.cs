using System.Text;

namespace Segments.Core.Scale;

/// <summary>
/// A small binary format for <see cref="SegmentProfileAccumulator"/>, so that a bucket worker can hand its segment
/// profile counts to the run: a magic and a version, then every count in ordinal key order, so the same accumulator
/// always has the same bytes (a redelivered work item rewrites its blob with identical content).
/// </summary>
public static class SegmentProfileAccumulatorFormat
{
    /// <summary>The first bytes of every accumulator.</summary>
    public static ReadOnlySpan<byte> Magic => "SEGPROF"u8;

    /// <summary>The version written; another version is refused, not misread.</summary>
    public const int Version = 1;

    /// <summary>The bytes of <paramref name="accumulator"/>.</summary>
    public static byte[] ToBytes(SegmentProfileAccumulator accumulator)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write(accumulator.Customers);
            w.Write(accumulator.Revenue);
            WriteCounts(w, accumulator.BuyersOverall);
            w.Write(accumulator.Segments.Count);
            foreach (var (segment, tally) in accumulator.Segments.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                w.Write(segment);
                w.Write(tally.Customers);
                w.Write(tally.Revenue);
                w.Write(tally.Orders);
                w.Write(tally.KnownAgeBands);
                w.Write(tally.KnownGenders);
                w.Write(tally.Recency.DistinctCount);
                foreach (var (value, count) in tally.Recency.Entries)
                {
                    w.Write(value);
                    w.Write(count);
                }

                foreach (var counts in new[] { tally.Buyers, tally.Countries, tally.Stages, tally.AgeBands, tally.Genders })
                {
                    WriteCounts(w, counts);
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>The accumulator <paramref name="bytes"/> hold; <paramref name="source"/> names them in errors.</summary>
    public static SegmentProfileAccumulator FromBytes(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException($"{source} is not a segment profile accumulator");
            }

            var version = r.ReadInt32();
            if (version != Version)
            {
                throw new InvalidDataException($"{source} is a segment profile accumulator of version {version}; this build reads version {Version}");
            }

            var accumulator = new SegmentProfileAccumulator();
            accumulator.AddTotals(r.ReadInt32(), r.ReadDecimal());
            ReadCounts(r, accumulator.BuyersOverall);
            var segments = r.ReadInt32();
            for (var i = 0; i < segments; i++)
            {
                var tally = new SegmentTally();
                accumulator.Segments.Add(r.ReadString(), tally);
                tally.Customers = r.ReadInt32();
                tally.Revenue = r.ReadDecimal();
                tally.Orders = r.ReadInt64();
                tally.KnownAgeBands = r.ReadInt32();
                tally.KnownGenders = r.ReadInt32();
                var distinct = r.ReadInt32();
                for (var v = 0; v < distinct; v++)
                {
                    tally.Recency.Add(r.ReadDecimal(), r.ReadInt64());
                }

                foreach (var counts in new[] { tally.Buyers, tally.Countries, tally.Stages, tally.AgeBands, tally.Genders })
                {
                    ReadCounts(r, counts);
                }
            }

            return accumulator;
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException($"{source} ends before the segment profile accumulator does", ex);
        }
    }

    private static void WriteCounts(BinaryWriter w, Dictionary<string, int> counts)
    {
        w.Write(counts.Count);
        foreach (var (key, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            w.Write(key);
            w.Write(count);
        }
    }

    private static void ReadCounts(BinaryReader r, Dictionary<string, int> into)
    {
        var count = r.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            SegmentTally.Increment(into, r.ReadString(), r.ReadInt32());
        }
    }
}
