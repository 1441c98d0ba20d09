namespace Segments.Pipeline.State;

/// <summary>What a run does to the state before reading it.</summary>
public enum StateAction
{
    /// <summary>Every accepted batch is merged, and nothing merged changed: read as it is.</summary>
    UpToDate,

    /// <summary>Batches accepted since are merged in: a delta file per bucket they touch, folded into the bucket's base past a bound.</summary>
    Merge,

    /// <summary>The state cannot be trusted (none yet, another format or bucket count, a merged batch deleted or re-uploaded): rebuilt from every normalised batch.</summary>
    Rebuild,
}
