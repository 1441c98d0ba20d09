namespace Segments.Core.Events;

/// <summary>What a cart abandoner left: the <c>Product Added</c> events after their last order, within the window.</summary>
/// <param name="Value">Summed price × quantity of those adds (adds without a price add nothing).</param>
/// <param name="Items">Units added.</param>
/// <param name="ProductIds">The distinct products added, in the order first added.</param>
/// <param name="LastActivity">The latest <c>Product Added</c> or <c>Checkout Started</c> in the window.</param>
public sealed record AbandonedCart(decimal Value, int Items, IReadOnlyList<string> ProductIds, DateTimeOffset LastActivity);
