namespace Segments.Storage.Account;

/// <summary>
/// How long one storage operation (every attempt and retry delay of one SDK call) may take in the current
/// asynchronous flow — an HTTP request and all it awaits — through an <see cref="AsyncLocal{T}"/> as
/// <see cref="Metering.UsageMeter"/> is. The clients' retry policy (<see cref="DeadlineRetryPolicy"/>) cuts each
/// attempt's network timeout to what is left of it and stops retrying when it is spent, so a request never
/// waits minutes on a storage account that does not answer; work outside a scope (ingest, recompute) keeps
/// the clients' own timeouts. Per operation, not per request: a long CSV export is many quick calls.
/// </summary>
public sealed class StorageCallBudget : IDisposable
{
    private static readonly AsyncLocal<StorageCallBudget?> Ambient = new();

    private readonly StorageCallBudget? _outer;

    private StorageCallBudget(TimeSpan perOperation)
    {
        _outer = Ambient.Value;
        PerOperation = perOperation;
        Ambient.Value = this;
    }

    /// <summary>The budget in force in this flow, if any.</summary>
    public static StorageCallBudget? Current => Ambient.Value;

    /// <summary>The longest one storage operation may take, retries included.</summary>
    public TimeSpan PerOperation { get; }

    /// <summary>Starts a budget for the storage operations of this flow; dispose to end it.</summary>
    public static StorageCallBudget Start(TimeSpan perOperation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(perOperation, TimeSpan.Zero);
        return new StorageCallBudget(perOperation);
    }

    /// <inheritdoc />
    public void Dispose() => Ambient.Value = _outer;
}
