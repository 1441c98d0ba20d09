using System.Text;
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

    /// <summary>
    /// Reads <paramref name="text"/> with the sequential reference (the <see cref="TextReader"/> path) and checks that
    /// the byte path, on two cores, gives exactly the same lines and dialect, so every reader test checks both.
    /// </summary>
    public static async Task<EventFileResult> ReadAsync(string text, EventDialect? dialect = null, int maxRecordChars = 1024 * 1024)
    {
        var options = new EventReadOptions { Now = Now, Dialect = dialect, MaxRecordChars = maxRecordChars };
        var reference = new EventLinesReader(new CustomerIdPolicy(Ingest), options);
        var expected = new List<string>();
        await foreach (var line in reference.ReadAsync(new StringReader(text)))
        {
            expected.Add(EventLineProjection.Of(line));
        }

        var bytes = new EventLinesReader(new CustomerIdPolicy(Ingest), options with { MaxDegreeOfParallelism = 2 });
        var actual = new List<string>();
        await foreach (var line in bytes.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text))))
        {
            actual.Add(EventLineProjection.Of(line));
        }

        Assert.Equal(expected, actual);
        Assert.Equal(reference.Dialect, bytes.Dialect);
        await AssertCountsAgreeAsync(text, options, reference);
        return await new EventLinesReader(new CustomerIdPolicy(Ingest), options).ReadAllAsync(new StringReader(text));
    }

    /// <summary>
    /// Checks that counting the file (<see cref="EventLinesReader.CountAsync"/>, on one core and on two) finds what the
    /// sequential reference read: the same accepted lines per kind, the same rejected lines and errors, the same dialect.
    /// </summary>
    private static async Task AssertCountsAgreeAsync(string text, EventReadOptions options, EventLinesReader reference)
    {
        var lines = new List<EventLine>();
        await foreach (var line in new EventLinesReader(new CustomerIdPolicy(Ingest), options).ReadAsync(new StringReader(text)))
        {
            lines.Add(line);
        }

        var expectedKinds = lines.Where(l => l.Event is not null).GroupBy(l => l.Event!.Kind).ToDictionary(g => g.Key, g => (long)g.Count());
        var expectedErrors = lines.Where(l => l.Error is not null).Select(l => l.Error!).ToList();
        foreach (var parallelism in (int[])[1, 2])
        {
            var counter = new EventLinesReader(new CustomerIdPolicy(Ingest), options with { MaxDegreeOfParallelism = parallelism });
            var counts = await counter.CountAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), int.MaxValue);
            Assert.Equal((IReadOnlyDictionary<EventKind, long>)expectedKinds, counts.ByKind);
            Assert.Equal(expectedErrors, counts.FirstErrors);
            Assert.Equal(lines.Count - expectedErrors.Count, counts.Accepted);
            Assert.Equal(expectedErrors.Count, counts.Rejected);
            Assert.Equal(reference.Dialect, counter.Dialect);
        }
    }

    public static async Task<IReadOnlyList<BehaviourEvent>> EventsAsync(params string[] lines)
    {
        var result = await ReadAsync(string.Join('\n', lines));
        Assert.Empty(result.Errors);
        return result.Events;
    }
}
