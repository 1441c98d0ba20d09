using Segments.Core.Ingest;
using Segments.Core.Ingest.Mappings;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Ingest.Mappings;

/// <summary>
/// The parse workers of one file share one table of customers: each id text gets one entry, whichever worker asks
/// first and however many ask at once, with the id the policy makes of it.
/// </summary>
public class CustomerEntriesTests
{
    private static readonly CustomerIdPolicy Policy = new(new IngestOptions());

    [Fact]
    public async Task Workers_asking_at_once_get_one_entry_per_id_text_with_the_policys_id()
    {
        // Arrange: 4 workers, each with its own strings over the shared table, 2,000 texts in different orders.
        var customers = new CustomerEntries(Policy);
        var texts = Enumerable.Range(0, 2_000).Select(i => $"{10_000 + i}.0").ToArray();

        // Act
        var seen = await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            var strings = new RecurringStrings(customers);
            var order = texts.ToArray();
            new Random(worker).Shuffle(order);
            return order.Select(text => strings.Customer(text)).ToList();
        })));

        // Assert: the same entry for a text on every worker, and its id is the normalised text.
        var byText = seen.SelectMany(entries => entries).GroupBy(entry => entry.Text).ToList();
        Assert.Equal(texts.Length, byText.Count);
        Assert.All(byText, group => Assert.Single(group.Distinct()));
        Assert.All(byText, group => Assert.Equal(Policy.Normalize(group.Key), group.First().Id));
    }

    [Fact]
    public void An_empty_field_is_the_entry_of_no_customer()
    {
        var customers = new CustomerEntries(Policy);

        var strings = new RecurringStrings(customers);

        Assert.Same(customers.Empty, strings.Customer(string.Empty));
        Assert.Equal(string.Empty, strings.Customer(" ").Id);
    }
}
