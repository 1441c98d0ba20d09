namespace Segments.Core.Ingest.Chunked;

/// <summary>
/// A run of whole records cut from a delimited file (or, once the file is read sequentially, just its next
/// bytes). <see cref="Bytes"/> is rented from the shared pool; whoever consumes the chunk returns it.
/// </summary>
/// <param name="Bytes">The pooled buffer; the chunk is its first <paramref name="Length"/> bytes.</param>
/// <param name="Length">Bytes in the chunk.</param>
/// <param name="FirstLine">Physical line (1-based, the header being line 1) where the chunk starts.</param>
/// <param name="Offset">Byte offset in the (decompressed) file where the chunk starts.</param>
/// <param name="Final">True for the last chunk of the file: its last record may lack a line break.</param>
/// <param name="Raw">True when the bytes are not cut at a record boundary and must be read sequentially.</param>
internal sealed record ExportChunk(byte[] Bytes, int Length, long FirstLine, long Offset, bool Final, bool Raw)
{
    /// <summary>The chunk's bytes.</summary>
    public ReadOnlyMemory<byte> Memory => Bytes.AsMemory(0, Length);
}
