namespace Segments.Core.Ingest.Records;

/// <summary>One record of an export, whatever its container format (CSV, JSON Lines, whitespace columns).</summary>
public interface IExportRecord
{
    /// <summary>Fields present in this record.</summary>
    int FieldCount { get; }

    /// <summary>The raw text of field <paramref name="ordinal"/>; empty when absent or null.</summary>
    ReadOnlySpan<char> Field(int ordinal);
}
