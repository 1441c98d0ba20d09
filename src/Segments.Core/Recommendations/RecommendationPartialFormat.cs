using System.Text;

namespace Segments.Core.Recommendations;

/// <summary>
/// A small binary format for <see cref="RecommendationPartial"/>, so that a bucket worker can hand its statistics to
/// the run: a magic and a version, then each side's products, counts, norms and pair sums (neighbour index and sum,
/// ascending). The same partial always has the same bytes; about 12 bytes per pair sum.
/// </summary>
public static class RecommendationPartialFormat
{
    /// <summary>The first bytes of every partial.</summary>
    public static ReadOnlySpan<byte> Magic => "SEGRECP"u8;

    /// <summary>The version written; a partial of another version is refused, not misread.</summary>
    public const int Version = 1;

    /// <summary>The bytes of <paramref name="partial"/>.</summary>
    public static byte[] ToBytes(RecommendationPartial partial)
    {
        ArgumentNullException.ThrowIfNull(partial);
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            Write(w, partial.Training);
            Write(w, partial.Full);
        }

        return stream.ToArray();
    }

    /// <summary>The partial in <paramref name="bytes"/>; <paramref name="source"/> names it in errors.</summary>
    public static RecommendationPartial FromBytes(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException($"{source} is not a recommender partial (no {Encoding.ASCII.GetString(Magic)} header)");
            }

            if (r.ReadInt32() is var version && version != Version)
            {
                throw new InvalidDataException($"{source} is a recommender partial of version {version}, not {Version}");
            }

            return new RecommendationPartial(Read(r), Read(r));
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException($"{source} ends before its recommender partial does", ex);
        }
    }

    private static void Write(BinaryWriter w, InteractionStatistics statistics)
    {
        var n = statistics.Products.Count;
        w.Write(n);
        w.Write(statistics.BuyingCustomers);
        w.Write(statistics.Customers);
        for (var i = 0; i < n; i++)
        {
            w.Write(statistics.Products[i]);
            w.Write(statistics.Buyers[i]);
            w.Write(statistics.Norms[i]);
            var neighbours = statistics.Neighbours[i];
            w.Write(neighbours.Length);
            for (var e = 0; e < neighbours.Length; e++)
            {
                w.Write(neighbours[e]);
                w.Write(statistics.Sums[i][e]);
            }
        }
    }

    private static InteractionStatistics Read(BinaryReader r)
    {
        var n = r.ReadInt32();
        var (buyingCustomers, customers) = (r.ReadInt32(), r.ReadInt32());
        var products = new string[n];
        var buyers = new int[n];
        var norms = new double[n];
        var neighbours = new int[n][];
        var sums = new double[n][];
        for (var i = 0; i < n; i++)
        {
            products[i] = r.ReadString();
            buyers[i] = r.ReadInt32();
            norms[i] = r.ReadDouble();
            var count = r.ReadInt32();
            neighbours[i] = new int[count];
            sums[i] = new double[count];
            for (var e = 0; e < count; e++)
            {
                neighbours[i][e] = r.ReadInt32();
                sums[i][e] = r.ReadDouble();
            }
        }

        return new InteractionStatistics(products, buyers, buyingCustomers, customers, norms, neighbours, sums);
    }
}
