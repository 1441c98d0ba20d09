using System.Collections.Concurrent;
using Segments.Core.Ingest;
using Segments.Core.Transactions;

namespace Segments.Core.Rfm;

/// <summary>
/// Folds an export into a <see cref="CustomerAggregator"/> on every core: each chunk's accepted lines become a
/// <see cref="CustomerChunkFacts"/> on the chunk's parse task, merged into the aggregator in file order; lines the
/// sequential parser reads go to <see cref="CustomerAggregator.Add"/>. The chunk facts are pooled (as many as
/// chunks are parsed or queued at once), so that a file of any size allocates only per customer, as the
/// sequential fold does.
/// </summary>
internal sealed class CustomerChunkFold(CustomerAggregator aggregator) : IAcceptedLineFold
{
    private readonly ConcurrentBag<CustomerChunkFacts> _spare = [];

    /// <summary>The aggregator folded into.</summary>
    public CustomerAggregator Aggregator => aggregator;

    /// <inheritdoc />
    public bool ReadsProducts => false;

    /// <inheritdoc />
    public object? FoldChunk(ReadOnlySpan<ParsedRow> rows)
    {
        var facts = _spare.TryTake(out var spare) ? spare : new CustomerChunkFacts(aggregator);
        foreach (ref readonly var row in rows)
        {
            if (row.Status == RowStatus.Accepted)
            {
                facts.Add(row.Transaction, row.Customer);
            }
        }

        if (facts.LinesAdded + facts.LinesAfterAsOf > 0)
        {
            return facts;
        }

        _spare.Add(facts);
        return null;
    }

    /// <inheritdoc />
    public void Merge(object partial)
    {
        var facts = (CustomerChunkFacts)partial;
        aggregator.Merge(facts);
        facts.Clear();
        _spare.Add(facts);
    }

    /// <inheritdoc />
    public void Add(in TransactionLine line) => aggregator.Add(in line);
}
