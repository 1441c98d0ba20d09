namespace Segments.Core.Recommendations;

/// <summary>What a customer did with a product; a purchase outweighs an add to basket, which outweighs a view.</summary>
public enum SignalKind
{
    /// <summary>Bought (an order line that is not a cancellation or return).</summary>
    Purchased,

    /// <summary>Added to the basket and not bought.</summary>
    Added,

    /// <summary>Viewed and neither added nor bought.</summary>
    Viewed,
}
