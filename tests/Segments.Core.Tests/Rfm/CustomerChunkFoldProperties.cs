using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Segments.Core.Ingest;
using Segments.Core.Ingest.Mappings;
using Segments.Core.Rfm;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Rfm;

/// <summary>
/// Folding a file's lines chunk by chunk (<see cref="CustomerChunkFacts"/>) and merging the chunks in file order
/// must give what folding them one by one gives (<see cref="CustomerAggregator.Add"/>, the reference), wherever
/// the file is cut: the same customers, recency, distinct orders, amounts (to the last digit of their scale),
/// countries (the last line of the latest date wins, also across chunks), line counts and as-of date.
/// </summary>
public class CustomerChunkFoldProperties
{
    private static readonly string[] Customers = ["A", "B", "C", "17850", "x-1"];
    private static readonly string[] Countries = ["", "", "France", "Germany", "United Kingdom"];
    private static readonly string[] Amounts = ["1", "2.5", "2.50", "-3.25", "0.001", "1000000.10", "0"];

    private static readonly Gen<TransactionLine> Lines =
        from customer in Gen.Elements(Customers)
        from order in Gen.Choose(1, 6)
        from day in Gen.Choose(1, 4)
        from amount in Gen.Elements(Amounts)
        from country in Gen.Elements(Countries)
        from cancelled in Gen.Elements(false, false, false, true)
        select new TransactionLine(
            customer,
            (cancelled ? "C" : string.Empty) + order.ToString(CultureInfo.InvariantCulture),
            new DateOnly(2011, 12, 6 + day),
            decimal.Parse(amount, CultureInfo.InvariantCulture),
            country,
            cancelled);

    private static readonly Gen<DateOnly?> AsOfs = Gen.Elements<DateOnly?>(null, new DateOnly(2011, 12, 8), new DateOnly(2011, 12, 31));

    [Property(MaxTest = 500)]
    public Property Lines_folded_in_chunks_and_merged_in_file_order_give_the_sequential_fold() =>
        Prop.ForAll(
            Gen.ListOf(Lines).Select(lines => lines.ToArray()).ToArbitrary(),
            Gen.ListOf(Gen.Choose(0, 12)).ToArbitrary(),
            AsOfs.ToArbitrary(),
            (lines, cuts, asOf) =>
            {
                // Arrange
                var sequential = new CustomerAggregator(asOf);
                foreach (var line in lines)
                {
                    sequential.Add(line);
                }

                // Act: chunks of the given sizes (the last takes the rest), one facts object reused for all.
                var chunked = new CustomerAggregator(asOf);
                var facts = new CustomerChunkFacts(chunked);
                var at = 0;
                foreach (var size in cuts.Append(int.MaxValue))
                {
                    foreach (var line in lines.Skip(at).Take(size))
                    {
                        facts.Add(line);
                    }

                    chunked.Merge(facts);
                    facts.Clear();
                    at = (int)Math.Min(lines.Length, (long)at + size);
                }

                // Assert
                Assert.Equal(Describe(sequential), Describe(chunked));
            });

    [Property(MaxTest = 500)]
    public Property Lines_with_the_mappers_customer_entries_folded_in_chunks_give_the_sequential_fold() =>
        Prop.ForAll(
            Gen.ListOf(Lines).Select(lines => lines.ToArray()).ToArbitrary(),
            (from cuts in Gen.ListOf(Gen.Choose(0, 12)) from addedFirst in Gen.Choose(0, 6) select (Cuts: cuts, AddedFirst: addedFirst)).ToArbitrary(),
            AsOfs.ToArbitrary(),
            (lines, split, asOf) =>
            {
                var (cuts, addedFirst) = split;
                // Arrange: the first lines added one by one (as after a hand-over, but before any chunk), then chunks
                // whose lines carry the customer entries of two string caches, as two parse workers' mappers hand
                // them out (each cache one entry per id, kept from chunk to chunk).
                var sequential = new CustomerAggregator(asOf);
                foreach (var line in lines)
                {
                    sequential.Add(line);
                }

                var policy = new CustomerIdPolicy(new IngestOptions());
                RecurringStrings[] workers = [new(policy), new(policy)];

                // Act
                var chunked = new CustomerAggregator(asOf);
                var at = Math.Min(addedFirst, lines.Length);
                foreach (var line in lines.Take(at))
                {
                    chunked.Add(line);
                }

                var chunk = 0;
                foreach (var size in cuts.Append(int.MaxValue))
                {
                    var facts = new CustomerChunkFacts(chunked);
                    var worker = workers[chunk++ % workers.Length];
                    foreach (var line in lines.Skip(at).Take(size))
                    {
                        var customer = worker.Customer(line.CustomerId);
                        facts.Add(line with { CustomerId = customer.Id }, customer);
                    }

                    chunked.Merge(facts);
                    at = (int)Math.Min(lines.Length, (long)at + size);
                }

                // Assert
                Assert.Equal(Describe(sequential), Describe(chunked));
            });

    [Fact]
    public void A_customer_added_line_by_line_before_chunks_is_one_customer_with_the_chunks_lines()
    {
        // Arrange: a line of A added one by one, then a chunk of A folded through a mapper's entry.
        var aggregator = new CustomerAggregator(null);
        aggregator.Add(new TransactionLine("A", "1", new DateOnly(2011, 12, 8), 1m, "France", false));
        var customer = new RecurringStrings(new CustomerIdPolicy(new IngestOptions())).Customer("A");
        var facts = new CustomerChunkFacts(aggregator);
        facts.Add(new TransactionLine(customer.Id, "2", new DateOnly(2011, 12, 9), 2m, "Germany", false), customer);

        // Act
        aggregator.Merge(facts);

        // Assert
        var metrics = Assert.Single(aggregator.ToMetrics());
        Assert.Equal(("A", 2, 3m, "Germany", 1), (metrics.CustomerId, metrics.Frequency, metrics.Monetary, metrics.Country, aggregator.CustomersSeen));
    }

    [Fact]
    public void A_later_chunk_of_the_same_latest_date_gives_the_customer_its_country()
    {
        // Arrange: the same day in both chunks; the sequential fold keeps the last line's country.
        var aggregator = new CustomerAggregator(null);
        var first = new CustomerChunkFacts(aggregator);
        first.Add(new TransactionLine("A", "1", new DateOnly(2011, 12, 9), 1m, "France", false));
        first.Add(new TransactionLine("A", "1", new DateOnly(2011, 12, 9), 1m, "", false));
        var second = new CustomerChunkFacts(aggregator);
        second.Add(new TransactionLine("A", "2", new DateOnly(2011, 12, 9), 2m, "Germany", false));
        second.Add(new TransactionLine("A", "3", new DateOnly(2011, 12, 8), 2m, "Spain", false));

        // Act
        aggregator.Merge(first);
        aggregator.Merge(second);

        // Assert: Germany (Dec 9, after France); Spain is of an earlier day; three orders; as of Dec 10.
        var metrics = Assert.Single(aggregator.ToMetrics());
        Assert.Equal(("Germany", 3, 6m, new DateOnly(2011, 12, 10)), (metrics.Country, metrics.Frequency, metrics.Monetary, aggregator.AsOf));
    }

    private static string Describe(CustomerAggregator aggregator) =>
        $"as of {aggregator.AsOf:yyyy-MM-dd}, {aggregator.LinesAdded} lines, {aggregator.LinesAfterAsOf} after, {aggregator.CustomersSeen} seen: "
        + string.Join(" | ", aggregator.ToMetrics().Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.CustomerId} {m.RecencyDays} {m.Frequency} {m.Monetary} {m.Country}")));
}
