namespace Segments.Storage.Batches;

/// <summary>
/// A ledger row's reason is for people: one readable sentence, never a file's header or a stack of messages,
/// and always small enough for a Table property (64 KiB), so that saving the outcome cannot itself fail.
/// </summary>
public static class BatchReason
{
    /// <summary>Longest reason kept, in characters.</summary>
    public const int MaxLength = 500;

    /// <summary>The reason on one line, cut to <see cref="MaxLength"/> characters (with an ellipsis when cut).</summary>
    public static string? Cut(string? reason)
    {
        if (reason is null)
        {
            return null;
        }

        var oneLine = reason.ReplaceLineEndings(" ");
        return oneLine.Length <= MaxLength ? oneLine : string.Concat(oneLine.AsSpan(0, MaxLength - 1), "…");
    }
}
