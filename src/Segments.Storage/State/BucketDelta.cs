namespace Segments.Storage.State;

/// <summary>
/// What one merge added to a customer bucket without rewriting it: the lines of the batches merged (all newer than
/// every line of the bucket's older files) and the order ids those batches replace in the older files. A reader drops
/// an older file's line whose order id a newer delta replaces (<see cref="BucketStateCursor"/>).
/// </summary>
/// <param name="LinesFile">The delta's lines (<see cref="BucketLinesFile"/>), in read order; null when the merge added none to this bucket.</param>
/// <param name="ReplacedFile">The replaced order ids (<see cref="ReplacedOrdersFile"/>); null when it replaced none here.</param>
/// <param name="Lines">Lines in <paramref name="LinesFile"/>.</param>
/// <param name="Replaced">Order ids in <paramref name="ReplacedFile"/>.</param>
public sealed record BucketDelta(string? LinesFile, string? ReplacedFile, long Lines, long Replaced);
