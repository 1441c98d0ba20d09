namespace Segments.Storage.State;

/// <summary>
/// A row of the order-id index with the number of lines of the order that the bucket holds, so that a merge that
/// replaces the order knows how many lines it drops there without reading the bucket.
/// </summary>
/// <param name="Entry">The order and a bucket holding lines of it.</param>
/// <param name="Lines">How many of its lines that bucket holds.</param>
public readonly record struct IndexedOrder(OrderIndexEntry Entry, int Lines);
