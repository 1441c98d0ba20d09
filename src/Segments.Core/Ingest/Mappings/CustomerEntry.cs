namespace Segments.Core.Ingest.Mappings;

/// <summary>
/// A customer id as one mapper's string cache hands it out (<see cref="RecurringStrings"/>), with room for what a fold
/// keeps for that customer: a chunk folded on a parse task finds it from the row (<see cref="ParsedRow.Customer"/>)
/// instead of hashing the id again. Lives as long as the cache, i.e. one file's read.
/// </summary>
internal sealed class CustomerEntry(string text, string id)
{
    private object? _folded;

    /// <summary>The field's text the entry was made for.</summary>
    public string Text => text;

    /// <summary>The normalised customer id.</summary>
    public string Id => id;

    /// <summary>
    /// The fold's own object for this customer, or null before the fold first asks. Written and read by the parse
    /// tasks that fold chunks; every writer writes the same object (the fold's one per id), so a race only repeats work.
    /// </summary>
    public object? Folded
    {
        get => Volatile.Read(ref _folded);
        set => Volatile.Write(ref _folded, value);
    }
}
