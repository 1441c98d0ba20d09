using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Segments.Core.Tests.Ingest;

/// <summary>One way of damaging an upload; positions are per mille of the current length so they fit any file.</summary>
internal abstract record Corruption
{
    public abstract byte[] Apply(byte[] bytes);

    protected static int At(byte[] bytes, int perMille) => (int)((long)bytes.Length * perMille / 1000);
}

/// <summary>The upload stops at a random byte, as an interrupted transfer does.</summary>
internal sealed record Truncation(int PerMille) : Corruption
{
    public override byte[] Apply(byte[] bytes) => bytes[..At(bytes, PerMille)];
}

/// <summary>One byte XOR-ed with a non-zero mask.</summary>
internal sealed record ByteFlip(int PerMille, byte Mask) : Corruption
{
    public override byte[] Apply(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var copy = (byte[])bytes.Clone();
        copy[Math.Min(At(bytes, PerMille), bytes.Length - 1)] ^= Mask;
        return copy;
    }
}

/// <summary>A quote, separator, brace or line break slipped in anywhere.</summary>
internal sealed record Insertion(int PerMille, string Text) : Corruption
{
    public override byte[] Apply(byte[] bytes)
    {
        var at = At(bytes, PerMille);
        return [.. bytes[..at], .. Encoding.UTF8.GetBytes(Text), .. bytes[at..]];
    }

    public override string ToString() => $"Insertion {{ PerMille = {PerMille}, Text = {Escape(Text)} }}";

    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}

/// <summary>A line of random bytes (NUL, 0xFF, half a UTF-8 sequence, quotes, braces…) at the start of a line.</summary>
internal sealed record GarbageLine(int PerMille, byte[] Garbage) : Corruption
{
    public override byte[] Apply(byte[] bytes)
    {
        var at = At(bytes, PerMille);
        var lineStart = at == 0 ? 0 : Array.IndexOf(bytes, (byte)'\n', at - 1) + 1;
        lineStart = lineStart == 0 && at > 0 ? bytes.Length : lineStart;
        return [.. bytes[..lineStart], .. Garbage, (byte)'\n', .. bytes[lineStart..]];
    }

    public override string ToString() => $"GarbageLine {{ PerMille = {PerMille}, Garbage = {Convert.ToHexString(Garbage)} }}";
}

/// <summary>A generated export damaged by 1–3 corruptions; for gzip, before or after compression.</summary>
internal sealed record CorruptedExport(GeneratedExport Export, IReadOnlyList<Corruption> Corruptions, bool AfterCompression)
{
    private static readonly byte[] GarbagePool =
        [.. "abcXYZ019 ,;\t\"'{}[]:.-#@\r"u8.ToArray(), 0x00, 0xFF, 0xFE, 0xC3, 0xE2, 0x80, 0x1F, 0x8B];

    private static readonly string[] Inserted = ["\"", ",", ";", "\t", "\n", "\r\n", "\"\"", "{", "\n\n"];

    public byte[] Bytes()
    {
        if (Export.Style.Gzip && AfterCompression)
        {
            return Corruptions.Aggregate(Export.Bytes(), (bytes, corruption) => corruption.Apply(bytes));
        }

        var content = Corruptions.Aggregate(Export.ContentBytes(), (bytes, corruption) => corruption.Apply(bytes));
        return Export.Style.Gzip ? ExportBytes.Gzip(content) : content;
    }

    public override string ToString() => $"{string.Join("; ", Corruptions)} (after compression: {AfterCompression})\n{Export}";

    public static Gen<CorruptedExport> Generator(int maxOrders)
    {
        var styles = Gen.OneOf(
            GeneratedExport.DelimitedStyles(gzip: false),
            GeneratedExport.DelimitedStyles(gzip: true),
            GeneratedExport.JsonLinesStyles(gzip: false),
            GeneratedExport.JsonLinesStyles(gzip: true));
        var position = Gen.Choose(0, 1000);
        var corruption = Gen.OneOf(
            position.Select(p => (Corruption)new Truncation(p)),
            from p in position from mask in Gen.Choose(1, 255) select (Corruption)new ByteFlip(p, (byte)mask),
            from p in position from text in Gen.Elements(Inserted) select (Corruption)new Insertion(p, text),
            from p in position
            from length in Gen.Choose(1, 40)
            from garbage in Gen.ArrayOf(Gen.Elements(GarbagePool), length)
            select (Corruption)new GarbageLine(p, garbage));
        return from export in GeneratedExport.Generator(maxOrders, styles)
               from count in Gen.Choose(1, 3)
               from corruptions in Gen.ListOf(corruption, count)
               from afterCompression in Gen.Elements(false, true)
               select new CorruptedExport(export, [.. corruptions], afterCompression);
    }
}
