using System.Text;
using Segments.Core.Scale;

namespace Segments.Pipeline.Scale;

/// <summary>
/// A bucket's spend ranking and the merged tier boundaries as bytes, for the blobs between a bucketed run's passes:
/// each key's value as its 8 IEEE bytes (the boundaries must compare exactly as in one process) and its customer id.
/// </summary>
public static class SpendRankFormat
{
    private const int Version = 1;

    /// <summary>The keys of <paramref name="ranking"/>.</summary>
    public static byte[] ToBytes(SpendRanking ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(ranking.Keys.Count);
            foreach (var key in ranking.Keys)
            {
                WriteKey(writer, key);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The ranking <see cref="ToBytes(SpendRanking)"/> wrote; <paramref name="source"/> names it in errors.</summary>
    public static SpendRanking RankingFromBytes(byte[] bytes, string source)
    {
        using var reader = Open(bytes, source);
        var ranking = new SpendRanking();
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            ranking.Add(ReadKey(reader));
        }

        return ranking;
    }

    /// <summary>The tier boundaries.</summary>
    public static byte[] ToBytes(SpendTierCuts cuts)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(cuts.Ranked);
            WriteOptionalKey(writer, cuts.LastHigh);
            WriteOptionalKey(writer, cuts.LastMedium);
        }

        return buffer.ToArray();
    }

    /// <summary>The boundaries <see cref="ToBytes(SpendTierCuts)"/> wrote.</summary>
    public static SpendTierCuts CutsFromBytes(byte[] bytes, string source)
    {
        using var reader = Open(bytes, source);
        var ranked = reader.ReadInt64();
        return new SpendTierCuts(ranked, ReadOptionalKey(reader), ReadOptionalKey(reader));
    }

    private static BinaryReader Open(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        var version = bytes.Length >= sizeof(int) ? reader.ReadInt32() : -1;
        if (version != Version)
        {
            reader.Dispose();
            throw new InvalidDataException($"{source}: not a spend ranking of version {Version} (found {version})");
        }

        return reader;
    }

    private static void WriteKey(BinaryWriter writer, SpendRankKey key)
    {
        writer.Write(BitConverter.DoubleToInt64Bits(key.Value));
        writer.Write(key.CustomerId);
    }

    private static SpendRankKey ReadKey(BinaryReader reader) => new(BitConverter.Int64BitsToDouble(reader.ReadInt64()), reader.ReadString());

    private static void WriteOptionalKey(BinaryWriter writer, SpendRankKey? key)
    {
        writer.Write(key.HasValue);
        if (key is { } value)
        {
            WriteKey(writer, value);
        }
    }

    private static SpendRankKey? ReadOptionalKey(BinaryReader reader) => reader.ReadBoolean() ? ReadKey(reader) : null;
}
