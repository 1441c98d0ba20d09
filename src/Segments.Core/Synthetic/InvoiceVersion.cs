namespace Segments.Core.Synthetic;

/// <summary>Which version of an invoice to write.</summary>
internal enum InvoiceVersion
{
    /// <summary>As exported on its day (a daily batch).</summary>
    OnItsDay,

    /// <summary>As re-exported in a later day's batch: corrected when the invoice is one that gets corrected.</summary>
    Reexported,

    /// <summary>As last exported within the range (one file for the whole range).</summary>
    Final,
}
