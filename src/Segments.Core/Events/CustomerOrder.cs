namespace Segments.Core.Events;

/// <summary>An order as the behaviour segments see it: whose, which, when.</summary>
/// <param name="CustomerId">The normalised customer id.</param>
/// <param name="OrderId">The order id; an order id counts once across order exports and <c>Order Completed</c> events.</param>
/// <param name="PlacedAt">When it was placed (UTC).</param>
public sealed record CustomerOrder(string CustomerId, string? OrderId, DateTimeOffset PlacedAt)
{
    /// <summary>The UTC day it was placed on.</summary>
    public DateOnly Day => DateOnly.FromDateTime(PlacedAt.UtcDateTime);
}
