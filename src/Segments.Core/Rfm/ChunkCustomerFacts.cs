namespace Segments.Core.Rfm;

/// <summary>
/// What one chunk of a file says about one customer: the facts <see cref="CustomerAggregator"/> keeps per customer,
/// for that chunk's lines only. Reused from chunk to chunk (<see cref="Reset"/>) by the worker that made it.
/// </summary>
internal sealed class ChunkCustomerFacts
{
    /// <summary>The customer's non-cancelled orders in the chunk, in file order; an order repeated on consecutive lines is listed once.</summary>
    public List<string> Orders { get; } = [];

    /// <summary>The latest date of a non-cancelled line, or null when every line was a cancellation.</summary>
    public DateOnly? LastOrderDate { get; set; }

    /// <summary>The sum of the line amounts, cancellations included.</summary>
    public decimal NetRevenue { get; set; }

    /// <summary>The country of the last line, in file order, among the non-empty ones of the latest date; empty when none.</summary>
    public string Country { get; set; } = string.Empty;

    /// <summary>The date of <see cref="Country"/>'s line.</summary>
    public DateOnly CountryDate { get; set; } = DateOnly.MinValue;

    /// <summary>Forgets the chunk, keeping the list's room for the next one.</summary>
    public void Reset()
    {
        Orders.Clear();
        LastOrderDate = null;
        NetRevenue = 0m;
        Country = string.Empty;
        CountryDate = DateOnly.MinValue;
    }
}
