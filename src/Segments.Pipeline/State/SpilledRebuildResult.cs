namespace Segments.Pipeline.State;

/// <summary>What a <see cref="SpilledRebuild"/> wrote: the manifest's file lists and counts.</summary>
/// <param name="BucketFiles">Per customer bucket, its new file, or null when it has no lines.</param>
/// <param name="IndexFiles">Per index partition, its new file, or null when it has no orders.</param>
/// <param name="Lines">Lines kept.</param>
/// <param name="LinesReplaced">Lines of an order a newer batch holds too.</param>
internal sealed record SpilledRebuildResult(IReadOnlyList<string?> BucketFiles, IReadOnlyList<string?> IndexFiles, long Lines, long LinesReplaced)
{
    /// <summary>Per customer bucket, the lines of its file.</summary>
    public required IReadOnlyList<long> BucketLines { get; init; }

    /// <summary>Per index partition, the rows of its file.</summary>
    public required IReadOnlyList<long> IndexRows { get; init; }
}
