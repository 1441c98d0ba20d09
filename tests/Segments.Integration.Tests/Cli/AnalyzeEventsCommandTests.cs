using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Cli;

/// <summary><c>segments analyze --events</c> run as a process: the behaviour segments, event rules and the CSV's new columns.</summary>
public sealed class AnalyzeEventsCommandTests : IDisposable
{
    private const string Orders = """
        customer_id,order_id,order_date,amount
        A,o1,2024-03-10,50
        B,o2,2024-01-05,20
        """;

    // A adds to the cart after their order (cart abandoner); B views twice (browse abandoner, the second view at
    // 09:30+01:00 = 08:30 UTC); x1 views anonymously, then identifies as P (a prospect credited with the view); Q buys
    // only on the site (an order from an event); m1 is delivered twice; x2 stays an anonymous visitor.
    private const string Events = """
        {"type":"track","event":"Product Added","userId":"A","messageId":"m1","timestamp":"2024-03-12T10:00:00Z","properties":{"product_id":"85123A","price":30,"quantity":1}}
        {"type":"track","event":"Product Viewed","userId":"B","messageId":"m2","timestamp":"2024-03-13T09:00:00Z","properties":{"product_id":"22423"}}
        {"type":"track","event":"Product Viewed","userId":"B","messageId":"m3","timestamp":"2024-03-14T09:30:00+01:00","properties":{"product_id":"22423"}}
        {"type":"track","event":"Product Viewed","anonymousId":"x1","messageId":"m4","timestamp":"2024-03-13T20:00:00Z","properties":{"product_id":"85123A"}}
        {"type":"identify","userId":"P","anonymousId":"x1","messageId":"m5","timestamp":"2024-03-14T08:00:00Z"}
        {"type":"track","event":"Order Completed","userId":"Q","messageId":"m6","timestamp":"2024-03-11T12:00:00Z","properties":{"order_id":"o9","total":40}}
        {"type":"track","event":"Product Added","userId":"A","messageId":"m1","timestamp":"2024-03-12T10:00:00Z","properties":{"product_id":"85123A","price":30,"quantity":1}}
        {"type":"page","anonymousId":"x2","messageId":"m7","timestamp":"2024-03-14T11:00:00Z"}
        """;

    private const string Rules = """
        {"segments":[
          {"name":"Keen viewers","query":"events(\"Product Viewed\", 7d) >= 2"},
          {"name":"Added no checkout","query":"events('Product Added', 7d) > 0 AND events('Checkout Started', 7d) = 0"},
          {"name":"Viewed 85123A","query":"events('Product Viewed', 30d, product = '85123A') = 1"}
        ]}
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("segments-analyze-events-").FullName;

    [Fact]
    public async Task Analyze_with_events_writes_one_row_per_customer_from_orders_or_events_with_behaviour_columns()
    {
        // Arrange
        var (orders, events, rules, output) = (Write("orders.csv", Orders), Write("events.jsonl", Events), Write("rules.json", Rules), Path.Combine(_directory, "out.csv"));

        // Act
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(
            ["analyze", "--input", orders, "--events", events, "--as-of", "2024-03-15", "--rules", rules, "--out", output]);

        // Assert
        Assert.True(exitCode == 0, stderr);
        Assert.Contains("lines read 8, accepted 8, rejected 0", stdout, StringComparison.Ordinal);
        Assert.Contains("behaviour:Cart Abandoners: 1", stdout, StringComparison.Ordinal);
        Assert.Contains("identified customers with events 4, of whom without orders 1; anonymous visitors 1", stdout, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.EndsWith(",rule_segments,behaviour_segments,last_seen,abandoned_cart_value", lines[0], StringComparison.Ordinal);
        var rows = lines.Skip(1).ToDictionary(l => l[..l.IndexOf(',', StringComparison.Ordinal)], l => l.Split(','));
        Assert.Equal(["A", "B", "P", "Q"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Added no checkout", "Cart Abandoners", "2024-03-12T10:00:00Z", "30.00"], rows["A"][^4..]);
        Assert.Equal(["Keen viewers", "Browse Abandoners", "2024-03-14T08:30:00Z", ""], rows["B"][^4..]);
        Assert.Equal(["Viewed 85123A", "Prospects", "2024-03-14T08:00:00Z", ""], rows["P"][^4..]);
        Assert.All(rows["P"][1..^4], Assert.Empty);
        Assert.Equal(["", "", "2024-03-11T12:00:00Z", ""], rows["Q"][^4..]);
        Assert.Equal(["Q", "4", "1", "40.00"], rows["Q"][..4]);
    }

    [Fact]
    public async Task Analyze_with_events_but_no_as_of_exits_2_saying_why()
    {
        // Act
        var (exitCode, _, stderr) = await CliProcess.RunAsync(["analyze", "--input", Write("orders.csv", Orders), "--events", Write("events.jsonl", Events)]);

        // Assert
        Assert.Equal(2, exitCode);
        Assert.Contains("--events needs --as-of", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_events_reports_counts_per_type_and_each_rejected_line_with_its_number_and_reason()
    {
        // Arrange: 2 bad lines of 22 is 9%, over the 5% limit.
        var good = Enumerable.Range(1, 20).Select(i =>
            $$$"""{"type":"track","event":"{{{(i % 4 == 0 ? "Product Added" : "Product Viewed")}}}","userId":"U{{{i}}}","messageId":"v{{{i}}}","timestamp":"2024-03-1{{{i % 5}}}T10:00:00Z","properties":{"product_id":"P{{{i}}}","price":2}}""");
        var lines = good.Take(10)
            .Append("{not json")
            .Concat(good.Skip(10))
            .Append("""{"type":"track","event":"Product Viewed","userId":"U9","timestamp":"2024-03-14 10:00"}""");
        var file = Write("events.jsonl", string.Join('\n', lines));

        // Act
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(["validate", "--events", file]);

        // Assert
        Assert.Equal(1, exitCode);
        Assert.Contains("events.jsonl: events, dialect segment", stdout, StringComparison.Ordinal);
        Assert.Contains("lines read 22, accepted 20, rejected 2", stdout, StringComparison.Ordinal);
        Assert.Contains("events by type: Product Viewed 15, Product Added 5", stdout, StringComparison.Ordinal);
        Assert.Contains("events.jsonl:11: '{not json': is not valid JSON", stderr, StringComparison.Ordinal);
        Assert.Contains("events.jsonl:22: timestamp '2024-03-14 10:00': is not an ISO 8601 timestamp", stderr, StringComparison.Ordinal);
        Assert.Contains("events.jsonl: rejected: 9.1% of lines were rejected (2 of 22), over the 5% limit", stderr, StringComparison.Ordinal);
        Assert.Contains("verdict: rejected", stdout, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
