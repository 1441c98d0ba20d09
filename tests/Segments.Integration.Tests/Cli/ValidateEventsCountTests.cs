using System.IO.Compression;
using System.Text;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Cli;

/// <summary><c>segments validate --events</c> on a file large enough to be counted on both cores, gzip-compressed.</summary>
public sealed class ValidateEventsCountTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("segments-validate-events-").FullName;

    [Fact]
    public async Task A_gzip_file_of_thousands_of_lines_is_counted_per_type_showing_the_first_20_rejected_lines_and_counting_the_rest()
    {
        // Arrange: 3,000 lines, every 100th with a timestamp a week in the future (30 lines, 1%, under the 5% limit).
        var lines = Enumerable.Range(1, 3000).Select(i => i % 100 == 0
            ? $$"""{"type":"page","anonymousId":"a{{i}}","timestamp":"{{DateTime.UtcNow.AddDays(7):yyyy-MM-ddTHH:mm:ssZ}}"}"""
            : i % 3 == 0
                ? $$$"""{"type":"track","event":"Checkout Started","userId":"U{{{i}}}","timestamp":"2024-03-10T10:00:00Z","properties":{"total":12.5,"products":[{"product_id":"P1","price":2.5,"quantity":5}]}}"""
                : $$$"""{"type":"page","anonymousId":"a{{{i}}}","timestamp":"2024-03-10T10:00:00.123+01:00","properties":{"name":"Home"}}""");
        var path = Path.Combine(_directory, "events.jsonl.gz");
        await using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        }

        // Act
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(["validate", "--events", path]);

        // Assert
        Assert.Equal(0, exitCode);
        Assert.Contains("lines read 3000, accepted 2970, rejected 30", stdout, StringComparison.Ordinal);
        Assert.Contains("events by type: Checkout Started 990, Page Viewed 1980", stdout, StringComparison.Ordinal);
        Assert.Contains("events.jsonl.gz:100: timestamp '", stderr, StringComparison.Ordinal);
        Assert.Contains("events.jsonl.gz:2000: timestamp '", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("events.jsonl.gz:2100:", stderr, StringComparison.Ordinal);
        Assert.Contains("... and 10 more rejected lines", stderr, StringComparison.Ordinal);
        Assert.Contains("verdict: accepted", stdout, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
