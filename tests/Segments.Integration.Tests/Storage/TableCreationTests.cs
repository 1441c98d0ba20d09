using Azure.Data.Tables;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Account;

namespace Segments.Integration.Tests.Storage;

/// <summary>
/// Tables are created with the SDK's plain create call (trimming-safe, unlike its CreateIfNotExists), so a table
/// that is already there must be taken as it is: every start of a host and every <c>segments upload</c> finds them.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableCreationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    public Task InitializeAsync() => azurite.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_missing_table_is_created_and_an_existing_one_keeps_its_rows()
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("TableCreationCheck");

        await TableCreation.CreateIfMissingAsync(table, CancellationToken.None);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 42 });
        await TableCreation.CreateIfMissingAsync(table, CancellationToken.None);

        var row = await table.GetEntityAsync<TableEntity>("p", "r");
        Assert.Equal(42, row.Value.GetInt32("Value"));
    }

    [Fact]
    public async Task Getting_the_account_ready_twice_creates_every_table_once_without_failing()
    {
        var account = StorageAccount.Connect(azurite.ConnectionString);

        await account.EnsureReadyAsync(CancellationToken.None);
        await account.EnsureReadyAsync(CancellationToken.None);

        var tables = new List<string>();
        await foreach (var item in new TableServiceClient(azurite.ConnectionString).QueryAsync())
        {
            tables.Add(item.Name);
        }

        Assert.Equal(StorageNames.Tables.Order(StringComparer.Ordinal), tables.Where(StorageNames.Tables.Contains).Order(StringComparer.Ordinal));
    }
}
