namespace Segments.Core.Events;

/// <summary>How an events file is read.</summary>
public sealed record EventReadOptions
{
    /// <summary>The file's dialect; when null it is detected from the first line that is a JSON object.</summary>
    public EventDialect? Dialect { get; init; }

    /// <summary>Longest line accepted, in characters; a longer line is a row error, the rest of the file goes on.</summary>
    public int MaxRecordChars { get; init; } = 1024 * 1024;

    /// <summary>The reading time, against which future timestamps are judged.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>
    /// How far past <see cref="Now"/> a timestamp may lie: clients' clocks drift, but an event dated days ahead is
    /// a broken clock or a broken export and would sit in every window until that day comes.
    /// </summary>
    public TimeSpan MaxFutureSkew { get; init; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Cores the byte path (<see cref="EventLinesReader.ReadAsync(Stream, CancellationToken)"/>) parses lines on;
    /// 1 parses them one after another. Results come in file order either way.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
