using System.Text;

namespace Segments.Core.Scale;

/// <summary>
/// A small binary format for <see cref="PopulationSummary"/>, so that a queue worker can fetch the merged summary:
/// a magic and a version, then every histogram and group as (key, count) pairs in sorted order, so the same summary
/// always has the same bytes. About 16–32 bytes per distinct value, history group or sampled customer.
/// </summary>
public static class PopulationSummaryFormat
{
    /// <summary>The first bytes of every summary.</summary>
    public static ReadOnlySpan<byte> Magic => "SEGPOPS"u8;

    /// <summary>The version written; a summary of another version is refused, not misread.</summary>
    public const int Version = 1;

    /// <summary>Writes <paramref name="summary"/> to <paramref name="stream"/> (left open).</summary>
    public static void Write(PopulationSummary summary, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write(summary.AsOf.DayNumber);
        w.Write(summary.HoldoutDays);
        w.Write(summary.Sample.Capacity);
        w.Write(summary.Buckets.Count);
        foreach (var bucket in summary.Buckets)
        {
            w.Write(bucket);
        }

        w.Write(summary.LinesAdded);
        w.Write(summary.RepeatCustomers);
        foreach (var histogram in new[] { summary.Recency, summary.Frequency, summary.Monetary, summary.Gaps })
        {
            w.Write(histogram.DistinctCount);
            foreach (var (value, count) in histogram.Entries)
            {
                w.Write(value);
                w.Write(count);
            }
        }

        var purchases = summary.Purchases;
        w.Write(purchases.LatestPurchaseDay ?? int.MinValue);
        w.Write(purchases.FirstSeenAfterCalibration);
        WriteGroups(w, purchases.Histories.OrderBy(g => g.Key), (key, writer) => WriteHistory(writer, key));
        WriteGroups(w, purchases.Calibration.OrderBy(g => g.Key.History).ThenBy(g => g.Key.HoldoutPurchases), (key, writer) =>
        {
            WriteHistory(writer, key.History);
            writer.Write(key.HoldoutPurchases);
        });
        WriteGroups(w, purchases.Spend.OrderBy(g => g.Key.RepeatPurchases).ThenBy(g => g.Key.AverageRepeatSpend), (key, writer) =>
        {
            writer.Write(key.RepeatPurchases);
            writer.Write(key.AverageRepeatSpend);
        });
        WriteGroups(w, purchases.FirstPurchaseDays.OrderBy(g => g.Key), (day, writer) => writer.Write(day));
        WriteGroups(w, purchases.CohortRepeatPurchaseDays.OrderBy(g => g.Key), (day, writer) => writer.Write(day));

        var sample = summary.Sample.Customers;
        w.Write(sample.Count);
        foreach (var customer in sample)
        {
            w.Write(customer.Hash);
            w.Write(customer.CustomerId);
            w.Write(customer.RecencyDays);
            w.Write(customer.Frequency);
            w.Write(customer.Monetary);
        }
    }

    /// <summary>The summary as bytes.</summary>
    public static byte[] ToBytes(PopulationSummary summary)
    {
        using var buffer = new MemoryStream();
        Write(summary, buffer);
        return buffer.ToArray();
    }

    /// <summary>Reads a summary written by <see cref="Write"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">Not a summary, another version, or cut short.</exception>
    public static PopulationSummary Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            return ReadBody(r, source);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{source}: the population summary is cut short.", e);
        }
    }

    /// <summary>The summary of <paramref name="bytes"/>.</summary>
    public static PopulationSummary FromBytes(byte[] bytes, string source)
    {
        using var buffer = new MemoryStream(bytes, writable: false);
        return Read(buffer, source);
    }

    private static PopulationSummary ReadBody(BinaryReader r, string source)
    {
        if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{source}: not a population summary (the first bytes are not {Encoding.ASCII.GetString(Magic)}).");
        }

        var version = r.ReadInt32();
        if (version != Version)
        {
            throw new InvalidDataException($"{source}: population summary format version {version}; this build reads version {Version}. Summarise the buckets again.");
        }

        var summary = new PopulationSummary(DateOnly.FromDayNumber(r.ReadInt32()), r.ReadInt32(), r.ReadInt32());
        var buckets = r.ReadInt32();
        for (var i = 0; i < buckets; i++)
        {
            summary.Buckets.Add(r.ReadInt32());
        }

        summary.LinesAdded = r.ReadInt64();
        summary.RepeatCustomers = r.ReadInt64();
        foreach (var histogram in new[] { summary.Recency, summary.Frequency, summary.Monetary, summary.Gaps })
        {
            var distinct = r.ReadInt32();
            for (var i = 0; i < distinct; i++)
            {
                histogram.Add(r.ReadDecimal(), r.ReadInt64());
            }
        }

        var purchases = summary.Purchases;
        var latest = r.ReadInt32();
        purchases.LatestPurchaseDay = latest == int.MinValue ? null : latest;
        purchases.FirstSeenAfterCalibration = r.ReadInt64();
        ReadGroups(r, purchases.Histories, ReadHistory);
        ReadGroups(r, purchases.Calibration, reader => new CalibrationKey(ReadHistory(reader), reader.ReadInt32()));
        ReadGroups(r, purchases.Spend, reader => new SpendKey(reader.ReadInt32(), reader.ReadDouble()));
        ReadGroups(r, purchases.FirstPurchaseDays, reader => reader.ReadInt32());
        ReadGroups(r, purchases.CohortRepeatPurchaseDays, reader => reader.ReadInt32());

        var sampled = r.ReadInt32();
        for (var i = 0; i < sampled; i++)
        {
            summary.Sample.Add(new SampledCustomer(r.ReadUInt64(), r.ReadString(), r.ReadInt32(), r.ReadInt32(), r.ReadDecimal()));
        }

        return summary;
    }

    private static void WriteGroups<TKey>(BinaryWriter w, IEnumerable<KeyValuePair<TKey, long>> groups, Action<TKey, BinaryWriter> writeKey)
    {
        var list = groups.ToList();
        w.Write(list.Count);
        foreach (var (key, count) in list)
        {
            writeKey(key, w);
            w.Write(count);
        }
    }

    private static void ReadGroups<TKey>(BinaryReader r, Dictionary<TKey, long> into, Func<BinaryReader, TKey> readKey)
        where TKey : notnull
    {
        var count = r.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var key = readKey(r);
            PurchaseGroups.Increment(into, key, r.ReadInt64());
        }
    }

    private static void WriteHistory(BinaryWriter w, HistoryKey key)
    {
        w.Write(key.RepeatPurchases);
        w.Write(key.LastPurchaseTime);
        w.Write(key.ObservationTime);
    }

    private static HistoryKey ReadHistory(BinaryReader r) => new(r.ReadInt32(), r.ReadDouble(), r.ReadDouble());
}
