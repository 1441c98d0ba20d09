namespace Segments.Core.Ingest;

/// <summary>RFC 4180 quoting for the CSV this product writes.</summary>
public static class CsvField
{
    private static readonly System.Buffers.SearchValues<char> NeedsQuoting = System.Buffers.SearchValues.Create(",\"\r\n");

    /// <summary>The field as it must appear in a CSV line.</summary>
    public static string Escape(string value) =>
        value.AsSpan().ContainsAny(NeedsQuoting) ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
