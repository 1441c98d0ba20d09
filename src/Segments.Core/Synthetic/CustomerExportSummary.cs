namespace Segments.Core.Synthetic;

/// <summary>What <see cref="CustomerExportGenerator.Write"/> wrote.</summary>
public readonly record struct CustomerExportSummary
{
    /// <summary>Distinct CustomerIDs written.</summary>
    public int Customers { get; init; }

    /// <summary>Data rows, re-exported ones included (headers not counted).</summary>
    public long Rows { get; init; }

    /// <summary>Invoices, each counted once however often exported.</summary>
    public long Invoices { get; init; }

    /// <summary>Of those, cancellations and returns (<c>C</c> invoices).</summary>
    public long Cancellations { get; init; }

    /// <summary>Rows with an empty CustomerID (guest invoices).</summary>
    public long RowsWithoutCustomer { get; init; }

    /// <summary>Invoices exported a second time in a later day's batch (daily batches only).</summary>
    public long ReexportedInvoices { get; init; }

    /// <summary>Of those, the ones whose second export differs (a line dropped, or a quantity corrected).</summary>
    public long CorrectedInvoices { get; init; }

    /// <summary>Days that got rows (the days given to the sink).</summary>
    public int Days { get; init; }
}
