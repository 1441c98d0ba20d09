namespace Segments.Core.Rfm;

/// <summary>
/// What <see cref="CustomerAggregator"/> keeps of one customer. Made once per customer id, by whichever thread first
/// needs it (<see cref="CustomerAggregator.AccumulatorFor"/>), so that a chunk folded on a parse task can name it and
/// the merge goes to it without looking the id up; its measures are only ever changed on the reader of the rows.
/// </summary>
internal sealed class CustomerAccumulator(string customerId)
{
    /// <summary>The normalised customer id.</summary>
    public string CustomerId => customerId;

    /// <summary>Whether a line or a chunk has been folded into it (the aggregator lists it from then on).</summary>
    public bool Seen { get; set; }

    /// <summary>The customer's distinct non-cancelled orders.</summary>
    public HashSet<string> Orders { get; } = new(StringComparer.Ordinal);

    /// <summary>The latest date of a non-cancelled line, or null when there is none.</summary>
    public DateOnly? LastOrderDate { get; set; }

    /// <summary>The sum of the line amounts, cancellations included.</summary>
    public decimal NetRevenue { get; set; }

    /// <summary>The country of the last line, in file order, among the non-empty ones of the latest date.</summary>
    public string Country { get; set; } = string.Empty;

    /// <summary>The date of <see cref="Country"/>'s line.</summary>
    public DateOnly CountryDate { get; set; } = DateOnly.MinValue;
}
