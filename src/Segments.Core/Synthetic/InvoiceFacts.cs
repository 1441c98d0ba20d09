namespace Segments.Core.Synthetic;

/// <summary>What an invoice turned out to be once drawn.</summary>
/// <param name="Cancelled">A <c>C</c> invoice (cancellation or return).</param>
/// <param name="Rows">Rows written.</param>
/// <param name="ReexportDay">The day index of its re-export, or null when it is exported once.</param>
/// <param name="Corrected">Whether the re-export differs from the first export.</param>
internal readonly record struct InvoiceFacts(bool Cancelled, int Rows, int? ReexportDay, bool Corrected);
