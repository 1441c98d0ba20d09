namespace Segments.Core.Ingest.Records;

/// <summary>A record exceeds the configured limit; the file cannot be read past it.</summary>
public sealed class RecordTooLongException(long line, int maxChars)
    : Exception(Describe(line, maxChars))
{
    /// <summary>The reason, for a row error as for a file.</summary>
    public static string Describe(long line, int maxChars) =>
        $"line {line} is longer than the {maxChars:N0}-character limit for one record (setting Segments:Ingest:MaxRecordChars)";

    /// <summary>Where the long record starts.</summary>
    public long Line { get; } = line;
}
