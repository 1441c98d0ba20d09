namespace Segments.Core.Ingest.Chunked;

/// <summary>What became of one chunk: its rows (pooled array, first <see cref="Count"/> used), or irregular.</summary>
internal sealed record ChunkOutcome(ExportChunk Chunk, ParsedRow[]? Rows, int Count)
{
    /// <summary>The chunk's accepted lines already folded on its parse task (<see cref="IAcceptedLineFold.FoldChunk"/>), when a fold was given.</summary>
    public object? Folded { get; init; }

    /// <summary>The chunk's rows counted on its parse task, when a fold was given: the reader of the rows adds the counts at once.</summary>
    public RowTally? Counted { get; init; }

    /// <summary>The chunk must be read by the sequential parser, and everything after it.</summary>
    public bool IsIrregular => Rows is null;

    /// <summary>Rows parsed from a regular chunk.</summary>
    public static ChunkOutcome Parsed(ExportChunk chunk, ParsedRow[] rows, int count) => new(chunk, rows, count);

    /// <summary>A chunk the sequential parser must read.</summary>
    public static ChunkOutcome Irregular(ExportChunk chunk) => new(chunk, null, 0);
}
