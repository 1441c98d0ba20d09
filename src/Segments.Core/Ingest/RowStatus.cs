namespace Segments.Core.Ingest;

/// <summary>What became of one data row of an export.</summary>
public enum RowStatus
{
    /// <summary>The row became a transaction line.</summary>
    Accepted,

    /// <summary>The row is well formed but carries nothing to score (UCI rows without a customer).</summary>
    Skipped,

    /// <summary>The row could not be read; <see cref="RowError"/> says why.</summary>
    Rejected,
}
