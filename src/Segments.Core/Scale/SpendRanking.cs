using Segments.Core.Segmentation;

namespace Segments.Core.Scale;

/// <summary>
/// The spend-ranking keys of one or more buckets' customers (the pass between fitting and scoring): the tiers split
/// the whole population by rank of total CLV, which needs the fitted models, so they cannot come from pass 1. Every
/// predicted customer's key is kept (8 bytes and the id each): the boundaries must be exact, ties included.
/// </summary>
public sealed class SpendRanking
{
    private readonly List<SpendRankKey> _keys = [];

    /// <summary>The keys, in the order added (ranked, best first, once <see cref="Cuts"/> has run).</summary>
    public IReadOnlyList<SpendRankKey> Keys => _keys;

    /// <summary>Adds one customer's key.</summary>
    public void Add(SpendRankKey key) => _keys.Add(key);

    /// <summary>Adds every key of <paramref name="other"/> (another bucket's), so that a coordinator keeps one running ranking.</summary>
    public void AddAll(SpendRanking other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _keys.AddRange(other._keys);
    }

    /// <summary>The keys as bytes (a magic, a version, the count, then value and id per key), for a worker to send back.</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write(_keys.Count);
            foreach (var key in _keys)
            {
                w.Write(key.Value);
                w.Write(key.CustomerId);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A ranking written by <see cref="ToBytes"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">Not a ranking, another version, or cut short.</exception>
    public static SpendRanking FromBytes(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var r = new BinaryReader(new MemoryStream(bytes, writable: false), System.Text.Encoding.UTF8);
        try
        {
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || r.ReadInt32() is not Version)
            {
                throw new InvalidDataException($"{source}: not a spend ranking of format version {Version}.");
            }

            var ranking = new SpendRanking();
            var count = r.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                ranking.Add(new SpendRankKey(r.ReadDouble(), r.ReadString()));
            }

            return ranking;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{source}: the spend ranking is cut short.", e);
        }
    }

    private const int Version = 1;

    private static ReadOnlySpan<byte> Magic => "SEGRANK"u8;

    /// <summary>The boundaries of the tiers over every key; ranks the keys in place (a million customers' keys are not copied).</summary>
    public SpendTierCuts Cuts()
    {
        _keys.Sort();
        var sorted = _keys;
        var n = (long)sorted.Count;
        var high = SpendTierCuts.CountWithin(n, CustomerValueFields.HighTierShare);
        var highAndMedium = SpendTierCuts.CountWithin(n, CustomerValueFields.MediumTierCumulativeShare);
        return new SpendTierCuts(
            n,
            high > 0 ? sorted[(int)high - 1] : null,
            highAndMedium > high ? sorted[(int)highAndMedium - 1] : null);
    }
}
