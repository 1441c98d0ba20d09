namespace Segments.Storage.State;

/// <summary>
/// What one merge added to an order-index partition: the rows of every order it merged. An order in a newer file
/// holds its lines only where that file says (its batch replaced every older version), so its rows in older files no
/// longer count: the partition reads newest file first, and an order's rows come from the first file that has it.
/// </summary>
/// <param name="File">The delta's rows (<see cref="OrderIndexFile"/>).</param>
/// <param name="Rows">Rows in it.</param>
public sealed record IndexDelta(string File, long Rows);
