using System.Buffers;

namespace Segments.Core.Events;

/// <summary>Whole lines read into one pooled buffer; disposing returns the buffer to the pool and the line list to its reader.</summary>
internal sealed class LineBlock(byte[] buffer, List<BlockLine> lines, Action<List<BlockLine>> returnLines) : IDisposable
{
    private byte[]? _buffer = buffer;

    public IReadOnlyList<BlockLine> Lines { get; } = lines;

    /// <summary>The bytes of one line.</summary>
    public ReadOnlyMemory<byte> Bytes(BlockLine line) => (_buffer ?? throw new ObjectDisposedException(nameof(LineBlock))).AsMemory(line.Start, line.Length);

    public void Dispose()
    {
        if (_buffer is { } rented)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(rented);
            lines.Clear();
            returnLines(lines);
        }
    }
}
