namespace Segments.Core.Ingest.Chunked;

/// <summary>Where a file's chunked data starts and how its records end.</summary>
/// <param name="SkipBytes">Bytes before the first chunk: a delimited file's header line, a JSON Lines file's byte order mark.</param>
/// <param name="FirstLine">Physical line of the first chunk's first byte: 2 after a header, 1 for JSON Lines (its first line is data).</param>
/// <param name="QuotedFields">True for delimited text, where a quoted field may hold line breaks; false for JSON Lines, where every line feed ends a record.</param>
internal sealed record ChunkedLayout(int SkipBytes, long FirstLine, bool QuotedFields)
{
    /// <summary>A delimited file after a header of <paramref name="headerBytes"/> bytes.</summary>
    public static ChunkedLayout Delimited(int headerBytes) => new(headerBytes, 2, QuotedFields: true);

    /// <summary>A JSON Lines file after a byte order mark of <paramref name="bomBytes"/> bytes.</summary>
    public static ChunkedLayout JsonLines(int bomBytes) => new(bomBytes, 1, QuotedFields: false);
}
