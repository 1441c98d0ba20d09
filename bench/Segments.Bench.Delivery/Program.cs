using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Segments.Bench.Delivery;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Cost;
using Segments.Pipeline.Delivery;
using Segments.Storage.Account;
using Segments.Storage.Deliveries;
using Segments.Storage.Generations;
using Segments.Storage.Metering;
using Segments.Storage.Runs;

// Activation benchmark (issue 15, point 7): N customers each leave lifecycle:Active and enter lifecycle:At Risk between
// two runs (2N moves); the run's outbox stage is timed and metered (the run time and cost deliveries add), then the
// sender (as the local host's listener runs it: 16 at a time) delivers every batch to a signature-verifying loopback
// receiver (events per second, and the sender's storage requests and execution priced with the bundled rates).
var connection = args.Length > 0 ? args[0] : throw new ArgumentException("usage: Segments.Bench.Delivery <storage connection string> [customers] [batchSize]");
var customers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
var batchSize = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const int concurrency = 16;

await using var receiver = await LoopbackReceiver.StartAsync(secret);
var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddSegmentsPipeline(connection).BuildServiceProvider();
var storage = services.GetRequiredService<StorageAccount>();
await storage.EnsureReadyAsync(CancellationToken.None);
await services.GetRequiredService<DestinationConfig>().SaveAsync(
    $$"""{"destinations":[{"name":"bench","kind":"webhook","url":"{{receiver.Url}}","secret":"{{secret}}","segments":["lifecycle:*"],"batchSize":{{batchSize}}}]}""",
    CancellationToken.None);

var runs = services.GetRequiredService<RunLedger>();
var stamp = DateTime.UtcNow.ToString("yyyyMMddTHHmmss", CultureInfo.InvariantCulture);
var previous = Run($"{stamp}-a", RunStatus.Succeeded, [new SegmentSize("Active", customers)]);
var current = Run($"{stamp}-b", RunStatus.Running, [new SegmentSize("At Risk", customers)]);
var before = Enumerable.Range(0, customers).Select(i => Row(i, "Active")).ToList();
var after = Enumerable.Range(0, customers).Select(i => Row(i, "At Risk")).ToList();
await services.GetRequiredService<GenerationStore>().WriteAsync(previous.GenerationTable!, before, CustomerBucket.DefaultCount, CancellationToken.None);
await runs.SaveAsync(previous, CancellationToken.None);
await runs.SaveAsync(current, CancellationToken.None);

var costs = services.GetRequiredService<CostAccounting>();
var outboxMeter = UsageMeter.Start("outbox");
var summary = await services.GetRequiredService<DeliveryOutbox>().WriteAsync(current, after, CancellationToken.None);
var outboxUsage = outboxMeter.Stop();
var outboxCost = costs.Price(outboxUsage, CostAccounting.Bundled);
await runs.SaveAsync(current with { Status = RunStatus.Succeeded }, CancellationToken.None);
var written = summary.Destinations.Single();
Console.WriteLine($"outbox: {written.Events:N0} moves in {written.Deliveries:N0} batches of {batchSize} written in {outboxUsage.WallMs:N0} ms; {outboxUsage.Requests.Total:N0} storage requests; cost {outboxCost.Total:0.000000} USD (compute {outboxCost.Compute:0.000000}, blob {outboxCost.BlobOps:0.000000}, table {outboxCost.TableOps:0.000000}, queue requests not priced: {outboxCost.QueueRequestsNotPriced:N0})");

var queue = services.GetRequiredService<OutboxQueue>();
var sender = services.GetRequiredService<DeliverySender>();
var sendMeter = UsageMeter.Start("send");
var clock = Stopwatch.StartNew();
using (var slots = new SemaphoreSlim(concurrency))
{
    var running = new List<Task>();
    while (receiver.Events < written.Events && clock.Elapsed < TimeSpan.FromMinutes(30))
    {
        var messages = await queue.ReceiveAsync(32, TimeSpan.FromMinutes(5), CancellationToken.None);
        if (messages.Count == 0)
        {
            await Task.Delay(50);
            continue;
        }

        foreach (var message in messages)
        {
            await slots.WaitAsync();
            running.Add(Task.Run(async () =>
            {
                try
                {
                    await sender.HandleAsync(message.Body.ToString(), CancellationToken.None);
                    await queue.CompleteAsync(message, CancellationToken.None);
                }
                finally
                {
                    slots.Release();
                }
            }));
        }
    }

    await Task.WhenAll(running);
}

clock.Stop();
var sendUsage = sendMeter.Stop();
var sendCost = costs.Price(sendUsage, CostAccounting.Bundled);
Console.WriteLine($"send: {receiver.Events:N0} events in {receiver.Requests:N0} requests in {clock.ElapsedMilliseconds:N0} ms = {receiver.Events / clock.Elapsed.TotalSeconds:N0} events/s ({concurrency} at a time); {sendUsage.Requests.Total:N0} storage requests; cost {sendCost.Total:0.000000} USD (compute {sendCost.Compute:0.000000}, executions {sendCost.Executions:0.000000}, blob {sendCost.BlobOps:0.000000}, table {sendCost.TableOps:0.000000}, queue requests not priced: {sendCost.QueueRequestsNotPriced:N0})");
Console.WriteLine($"per 100,000 moves: outbox {outboxUsage.WallMs * 100_000.0 / written.Events:N0} ms and {outboxCost.Total * 100_000m / written.Events:0.000000} USD added to the run; sending {clock.ElapsedMilliseconds * 100_000.0 / written.Events:N0} ms and {sendCost.Total * 100_000m / written.Events:0.000000} USD");
return receiver.Events == written.Events ? 0 : 1;

static RunRecord Run(string id, string status, IReadOnlyList<SegmentSize> stages) => new()
{
    RunId = id,
    AsOf = new DateOnly(2011, 12, 10),
    Status = status,
    Trigger = "bench",
    RequestedAt = DateTimeOffset.UtcNow,
    LifecycleStages = stages,
    GenerationTable = GenerationStore.TableNameFor(id),
    BucketCount = CustomerBucket.DefaultCount,
};

static CustomerSegmentRow Row(int i, string stage) =>
    new(i.ToString("D7", CultureInfo.InvariantCulture), 10, 2, 100m, 3, 3, 3, "333", "Loyal", "GB") { LifecycleStage = stage };
