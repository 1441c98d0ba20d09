namespace Segments.Core.Synthetic;

/// <summary>An invoice before its rows are drawn: its number, when it was placed and by whom.</summary>
/// <param name="Number">The invoice number (its random stream too).</param>
/// <param name="Day">The day, as an index from the first day.</param>
/// <param name="Minute">Minutes after 08:00.</param>
/// <param name="Customer">The customer index, or -1 for a guest.</param>
/// <param name="FirstOrder">The customer's first order, which is never a cancellation.</param>
internal readonly record struct PlannedInvoice(int Number, int Day, int Minute, int Customer, bool FirstOrder);
