using Segments.Core.Ingest.Records;

namespace Segments.Core.Ingest.Chunked;

/// <summary>One record of a decoded chunk: its fields as ranges of the chunk's characters (quotes already removed).</summary>
internal sealed class ChunkRecord : IExportRecord
{
    private char[] _chars = [];
    private int[] _starts = new int[32];
    private int[] _lengths = new int[32];

    /// <inheritdoc />
    public int FieldCount { get; private set; }

    /// <inheritdoc />
    public ReadOnlySpan<char> Field(int ordinal) => ordinal < FieldCount ? _chars.AsSpan(_starts[ordinal], _lengths[ordinal]) : [];

    /// <summary>Starts a record over <paramref name="chars"/>.</summary>
    public void Reset(char[] chars)
    {
        _chars = chars;
        FieldCount = 0;
    }

    /// <summary>Adds the next field.</summary>
    public void Add(int start, int length)
    {
        if (FieldCount == _starts.Length)
        {
            Grow();
        }

        _starts[FieldCount] = start;
        _lengths[FieldCount] = length;
        FieldCount++;
    }

    // Out of line, so that Add stays small enough to be inlined into the tokeniser.
    private void Grow()
    {
        Array.Resize(ref _starts, FieldCount * 2);
        Array.Resize(ref _lengths, FieldCount * 2);
    }
}
