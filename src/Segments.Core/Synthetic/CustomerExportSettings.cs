namespace Segments.Core.Synthetic;

/// <summary>What <see cref="CustomerExportGenerator"/> is asked to write.</summary>
/// <param name="Customers">Registered customers; each appears in the export, with at least one order.</param>
/// <param name="From">The first day of orders.</param>
/// <param name="To">The last day of orders (included).</param>
/// <param name="Seed">The same seed and settings give the same bytes.</param>
public sealed record CustomerExportSettings(int Customers, DateOnly From, DateOnly To, ulong Seed)
{
    /// <summary>The default mean invoices per customer (cancellations included).</summary>
    public const double DefaultOrdersPerCustomer = 4;

    /// <summary>Mean invoices per customer, cancellations included; at least 1.</summary>
    public double OrdersPerCustomer { get; init; } = DefaultOrdersPerCustomer;

    /// <summary>
    /// About how many rows to write (re-exports not counted): the invoices' size follows from it. Without it, invoices
    /// are the size of the UCI file's (median 10 lines).
    /// </summary>
    public long? Lines { get; init; }

    /// <summary>
    /// Whether the rows go to one batch per day: then a re-exported invoice appears in its day's batch as first
    /// exported and again, possibly corrected, in a later day's; in one file every invoice appears once, as last exported.
    /// </summary>
    public bool DailyBatches { get; init; }

    /// <summary>
    /// The last day a customer may place their first order (default: <see cref="To"/>, customers keep arriving over
    /// the whole range). With an earlier day the population is fixed from then on: the orders after it, and so the
    /// daily batches after it, come from customers already seen, who still lapse as before. For measuring how a daily
    /// run's cost grows with the history alone (issue 19), without the population growing with it.
    /// </summary>
    public DateOnly? ArrivalsUntil { get; init; }

    /// <summary>The first problem with these settings, or null.</summary>
    public string? Problem =>
        Customers < 1 ? "the customer count must be positive"
        : To < From ? $"the last day {To:yyyy-MM-dd} is before the first {From:yyyy-MM-dd}"
        : OrdersPerCustomer is < 1 or > CustomerOrderPlan.MaxInvoicesPerCustomer or double.NaN ? $"orders per customer must be between 1 and {CustomerOrderPlan.MaxInvoicesPerCustomer}"
        : Lines is < 1 ? "the line count must be positive"
        : ArrivalsUntil is { } until && (until < From || until > To) ? $"the last day of arrivals {until:yyyy-MM-dd} is outside {From:yyyy-MM-dd}..{To:yyyy-MM-dd}"
        : null;
}
