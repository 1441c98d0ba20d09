namespace Segments.Storage.State;

/// <summary>
/// One row of the order-id index: a customer bucket holding lines of this order. Replacement is by order id across
/// customers (a corrected order may carry another customer id), so a newer batch's order ids are looked up here to
/// find every bucket whose lines it replaces; an order whose lines name several customers has one row per bucket.
/// </summary>
/// <param name="OrderId">The order id.</param>
/// <param name="Bucket">A customer bucket holding lines of it.</param>
public readonly record struct OrderIndexEntry(string OrderId, int Bucket);
