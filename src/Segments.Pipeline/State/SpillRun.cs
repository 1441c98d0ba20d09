namespace Segments.Pipeline.State;

/// <summary>A byte range of a bucket's spill file holding one index partition's surviving lines, in read order.</summary>
/// <param name="Start">The first byte.</param>
/// <param name="End">The byte after the last.</param>
internal readonly record struct SpillRun(long Start, long End);
