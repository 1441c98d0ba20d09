using Segments.Core.Events;
using Segments.Core.Ingest;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Events;

/// <summary>Reads hand-written events files the way the tests need them.</summary>
internal static class EventFiles
{
    /// <summary>The reading time of every test: 2024-03-15 12:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2024, 3, 15, 12, 0, 0, TimeSpan.Zero);

    public static readonly IngestOptions Ingest = new() { EmailHashKey = "test-key" };

    public static Task<EventFileResult> ReadAsync(string text, EventDialect? dialect = null, int maxRecordChars = 1024 * 1024)
    {
        var reader = new EventLinesReader(new CustomerIdPolicy(Ingest), new EventReadOptions { Now = Now, Dialect = dialect, MaxRecordChars = maxRecordChars });
        return reader.ReadAllAsync(new StringReader(text));
    }

    public static async Task<IReadOnlyList<BehaviourEvent>> EventsAsync(params string[] lines)
    {
        var result = await ReadAsync(string.Join('\n', lines));
        Assert.Empty(result.Errors);
        return result.Events;
    }
}
