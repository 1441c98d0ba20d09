namespace Segments.Core.Ingest;

/// <summary>Why one row of an export was not used, precisely enough to find and fix it.</summary>
/// <param name="Line">1-based record number in the file, the header being line 1.</param>
/// <param name="Column">Column name from the header, or empty when the row as a whole is wrong.</param>
/// <param name="Value">The raw value, cut to <see cref="MaxValueLength"/> characters.</param>
/// <param name="Reason">Plain-words reason.</param>
public sealed record RowError(long Line, string Column, string Value, string Reason)
{
    /// <summary>Raw values are cut so that one absurd cell cannot bloat an error report.</summary>
    public const int MaxValueLength = 100;

    /// <summary>Creates an error, cutting the raw value to <see cref="MaxValueLength"/>.</summary>
    public static RowError For(long line, string column, ReadOnlySpan<char> value, string reason) =>
        new(line, column, value.Length <= MaxValueLength ? value.ToString() : value[..MaxValueLength].ToString() + "…", reason);
}
