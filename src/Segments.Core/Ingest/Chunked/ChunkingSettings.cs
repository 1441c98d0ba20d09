namespace Segments.Core.Ingest.Chunked;

/// <summary>
/// How a delimited export is read in parallel: the size of the record-aligned chunks the file is cut into,
/// and how many are parsed at once. Tests use tiny chunks so that records straddle chunk boundaries.
/// </summary>
/// <param name="Enabled">False reads every file sequentially (the reference the parallel path is tested against).</param>
/// <param name="ChunkBytes">Bytes read per chunk before it is cut back to the last record boundary.</param>
/// <param name="Workers">Chunks parsed at the same time.</param>
internal sealed record ChunkingSettings(bool Enabled, int ChunkBytes, int Workers)
{
    /// <summary>128 KiB per chunk (about 1,500 rows, parsed in well under a millisecond), one worker per core.</summary>
    public static ChunkingSettings Default { get; } = new(true, 128 * 1024, Environment.ProcessorCount);

    /// <summary>Every file read by one sequential parser.</summary>
    public static ChunkingSettings Sequential { get; } = new(false, 0, 1);

    /// <summary>
    /// Chunks parsed or waiting for the reader of the rows: bounds the memory held (a few megabytes), and
    /// leaves the workers room to go on while the reader is off the CPU on a busy machine.
    /// </summary>
    public int Queued => Workers * 4;
}
