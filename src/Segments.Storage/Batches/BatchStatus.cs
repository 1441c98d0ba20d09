namespace Segments.Storage.Batches;

/// <summary>Where an uploaded blob stands in ingestion.</summary>
public static class BatchStatus
{
    /// <summary>Read; its accepted rows count in every later run.</summary>
    public const string Accepted = "accepted";

    /// <summary>Same content as another accepted batch; contributes nothing.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Refused whole (no recognisable header, nothing readable); <c>reason</c> says why.</summary>
    public const string Rejected = "rejected";

    /// <summary>Failed with an unexpected error; retried on the next poll.</summary>
    public const string Failed = "failed";

    /// <summary>Failed five times; set aside on the poison queue.</summary>
    public const string Poison = "poison";
}
