namespace Segments.Core.Ingest.Chunked;

/// <summary>
/// Decides from the first bytes of a delimited file whether the chunked parser may read it, and where its
/// header ends. It accepts only what it can be sure Sylvan (the sequential parser) reads the same way:
/// UTF-8 (with or without BOM), a header ended by LF or CRLF, with no other CR, no NUL and no quote in it, and
/// a delimiter Sylvan would detect from that line. Anything else is read sequentially as before.
/// </summary>
internal static class CsvHeaderProbe
{
    // Sylvan's candidates, in its order: ties go to the earlier one.
    private static readonly byte[] Candidates = [(byte)',', (byte)'\t', (byte)';', (byte)'|'];

    /// <summary>
    /// The header's length in bytes (BOM and line break included), its BOM's length, the length of its text
    /// (neither BOM nor line break) and the delimiter; null when not eligible.
    /// </summary>
    public static (int HeaderBytes, int BomBytes, int TextBytes, char Delimiter)? Probe(ReadOnlySpan<byte> head)
    {
        // StreamReader would detect UTF-16 or UTF-32 from these BOMs; only UTF-8 is read here.
        if (head.Length >= 2 && (head[0] is 0xFE or 0xFF || (head[0] == 0 && head[1] == 0)))
        {
            return null;
        }

        var bom = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var text = head[bom..];
        var end = text.IndexOf((byte)'\n');
        if (end <= 0)
        {
            return null;
        }

        var line = text[..end];
        if (line.EndsWith((byte)'\r'))
        {
            line = line[..^1];
        }

        if (line.IsEmpty || line.IndexOfAny((byte)'\r', (byte)'\0', (byte)'"') >= 0)
        {
            return null;
        }

        var best = -1;
        var bestCount = 0;
        for (var i = 0; i < Candidates.Length; i++)
        {
            var count = line.Count(Candidates[i]);
            if (count > bestCount)
            {
                (best, bestCount) = (i, count);
            }
        }

        return best < 0 ? null : (bom + end + 1, bom, line.Length, (char)Candidates[best]);
    }
}
