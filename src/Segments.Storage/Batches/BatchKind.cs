namespace Segments.Storage.Batches;

/// <summary>What kind of export a ledger row is about; each kind has its own ledger partition, so a blob name may be used in both containers.</summary>
public static class BatchKind
{
    /// <summary>An order export from container <c>transactions</c>.</summary>
    public const string Transactions = "transactions";

    /// <summary>A customer (profile) export from container <c>customers</c>.</summary>
    public const string Profiles = "profiles";

    /// <summary>A behaviour-event export from container <c>events</c>.</summary>
    public const string Events = "events";
}
