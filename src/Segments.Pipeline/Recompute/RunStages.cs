namespace Segments.Pipeline.Recompute;

/// <summary>
/// The stages a run is measured and priced by, in order. Housekeeping is the work around the computation —
/// the run lease, the run row, the rates file, dropping old generations — at the start and at the end.
/// </summary>
public static class RunStages
{
    /// <summary>Lease, run row and rates before the computation; old generations and the lease release after it.</summary>
    public const string Housekeeping = "housekeeping";

    /// <summary>Reading every accepted batch.</summary>
    public const string Read = "read";

    /// <summary>Scoring: RFM, lifecycle, clusters and rule segments.</summary>
    public const string Score = "score";

    /// <summary>Writing the new generation table.</summary>
    public const string Write = "write";

    /// <summary>Saving the run row and flipping the active pointer.</summary>
    public const string Flip = "flip";
}
