using Segments.Core.Events;
using Segments.Core.Ingest;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Events;

/// <summary>The bundled <c>samples/events-sample.jsonl</c> with the order sample, as <c>scripts/run-local.sh</c> runs them (as of 2011-12-10).</summary>
public class SampleEventsTests
{
    private static readonly DateOnly AsOf = new(2011, 12, 10);

    [Fact]
    public async Task The_sample_has_cart_and_browse_abandoners_and_prospects_as_of_the_local_run_date()
    {
        // Arrange
        var root = FindRoot();
        var orders = await ReadOrdersAsync(Path.Combine(root, "samples", "online-retail-sample.csv"));
        using var text = new StreamReader(Path.Combine(root, "samples", "events-sample.jsonl"));
        var file = await new EventLinesReader(ExportContext.Default.Customers, new EventReadOptions { Now = new DateTimeOffset(2011, 12, 10, 0, 0, 0, TimeSpan.Zero) }).ReadAllAsync(text);

        // Act
        var resolved = EventIdentityResolver.Resolve(file.Events, AsOf);
        var result = new BehaviourSegmenter(new BehaviourSettings()).Compute(resolved, OrderBook.Build(orders, resolved, AsOf), AsOf);

        // Assert
        Assert.Empty(file.Errors);
        Assert.Equal(
            (SampleCounts.CartAbandoners, SampleCounts.BrowseAbandoners, SampleCounts.Prospects),
            (result.CustomersIn(BehaviourSegment.CartAbandoners).Count(), result.CustomersIn(BehaviourSegment.BrowseAbandoners).Count(), result.CustomersIn(BehaviourSegment.Prospects).Count()));
        Assert.Equal(["99901", "99902", "99903"], result.CustomersIn(BehaviourSegment.Prospects));
        Assert.Equal(10, result.AnonymousVisitors);
    }

    private static async Task<List<CustomerOrder>> ReadOrdersAsync(string path)
    {
        var orders = new Dictionary<string, CustomerOrder>(StringComparer.Ordinal);
        await using var stream = File.OpenRead(path);
        await new ExportProcessor(ExportContext.Default).ProcessAsync(
            stream,
            new ExportSource(Path.GetFileName(path)),
            line =>
            {
                if (!line.IsCancellation)
                {
                    orders.TryAdd(line.OrderId, new CustomerOrder(line.CustomerId, line.OrderId, new DateTimeOffset(line.OrderDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
                }

                return ValueTask.CompletedTask;
            },
            _ => ValueTask.CompletedTask,
            CancellationToken.None);
        return [.. orders.Values];
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Functions.sln not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>What samples/README.md states for the sample.</summary>
    private static class SampleCounts
    {
        public const int CartAbandoners = 27;
        public const int BrowseAbandoners = 40;
        public const int Prospects = 3;
    }
}
