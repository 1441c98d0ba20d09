using Microsoft.Extensions.DependencyInjection;
using Segments.Integration.Tests.Fixtures;
using Segments.Pipeline.Configuration;
using Segments.Storage.Account;
using Segments.Storage.Deliveries;

namespace Segments.Integration.Tests.Storage;

/// <summary>
/// A delivery's cost is added by each sender execution; executions of the same delivery can run at once (a message
/// delivered twice, on two instances), and each must count: the addition is conditional on the row's ETag.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeliveryLedgerCostTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ServiceProvider _pipeline = null!;

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _pipeline = new ServiceCollection().AddLogging().AddSegmentsPipeline(azurite.ConnectionString).BuildServiceProvider();
        await _pipeline.GetRequiredService<StorageAccount>().EnsureReadyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    [Fact]
    public async Task Costs_added_by_concurrent_executions_all_count_and_leave_the_status_alone()
    {
        var ledger = _pipeline.GetRequiredService<DeliveryLedger>();
        var key = new DeliveryKey("crm", "20111210-run", 1);
        await ledger.AddAsync([new DeliveryRecord { Key = key, Status = DeliveryStatus.Pending, Events = 3, PayloadBlob = "outbox/p.json", CreatedAt = DateTimeOffset.UtcNow }], CancellationToken.None);
        await ledger.SaveAsync((await ledger.GetAsync(key, CancellationToken.None))! with { Status = DeliveryStatus.Sent }, CancellationToken.None);

        // 20 additions of 0.0001 at once: a read-then-replace without the ETag loses most of them.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            ledger.UpdateCostAsync(key, row => row with { CostUsd = row.CostUsd + 0.0001m, SenderExecutions = row.SenderExecutions + 1 }, CancellationToken.None))));

        var stored = (await ledger.GetAsync(key, CancellationToken.None))!;
        Assert.Equal(0.0020m, stored.CostUsd);
        Assert.Equal(20, stored.SenderExecutions);
        Assert.Equal(DeliveryStatus.Sent, stored.Status);
    }

    [Fact]
    public async Task A_cost_for_a_delivery_that_is_gone_is_not_written()
    {
        var ledger = _pipeline.GetRequiredService<DeliveryLedger>();
        var key = new DeliveryKey("crm", "20111210-none", 1);

        Assert.False(await ledger.UpdateCostAsync(key, row => row with { CostUsd = 1m }, CancellationToken.None));
        Assert.Null(await ledger.GetAsync(key, CancellationToken.None));
    }
}
