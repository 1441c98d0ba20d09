using System.IO.Compression;
using System.Text;

namespace Segments.Core.Tests.Ingest;

/// <summary>Builds the bytes of an upload: UTF-8 text with or without a byte order mark, gzip.</summary>
/// <remarks>Gzip uses the strongest compression (as <c>gzip -9</c>): that is what a bomb is made with.</remarks>
internal static class ExportBytes
{
    public static byte[] Utf8(string text, bool byteOrderMark = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return byteOrderMark ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes;
    }

    public static byte[] Gzip(byte[] content)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return compressed.ToArray();
    }

    /// <summary>Gzip of <paramref name="chunk"/> repeated until <paramref name="totalBytes"/>, without holding the whole in memory.</summary>
    public static byte[] GzipRepeated(byte[] chunk, long totalBytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (long written = 0; written < totalBytes; written += chunk.Length)
            {
                gzip.Write(chunk);
            }
        }

        return compressed.ToArray();
    }
}
