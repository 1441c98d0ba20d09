namespace Segments.Core.Events;

/// <summary>One customer in one behaviour segment, with why.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Segment">The segment.</param>
/// <param name="Explanation">Plain words a marketer can act on ("added 2 items worth 85.00 to the cart 3 days ago; no order since").</param>
/// <param name="Cart">The abandoned cart, for <see cref="BehaviourSegment.CartAbandoners"/>; otherwise null.</param>
public sealed record BehaviourMembership(string CustomerId, BehaviourSegment Segment, string Explanation, AbandonedCart? Cart);
