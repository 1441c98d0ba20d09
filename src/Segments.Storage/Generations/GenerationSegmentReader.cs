using Azure.Data.Tables;
using Segments.Storage.Account;

namespace Segments.Storage.Generations;

/// <summary>
/// Reads every customer's RFM segment from a generation table, two columns only, for comparisons between
/// runs (who moved from which segment to which).
/// </summary>
public sealed class GenerationSegmentReader(StorageAccount account)
{
    private static readonly string[] Columns = ["CustomerId", "Segment"];

    /// <summary>Each customer of the generation with its RFM segment, in table order.</summary>
    public async IAsyncEnumerable<CustomerRfmSegment> ReadAsync(string tableName, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = account.Tables.GetTableClient(tableName);
        await foreach (var entity in table.QueryAsync<TableEntity>(select: Columns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return new CustomerRfmSegment(entity.GetString("CustomerId"), entity.GetString("Segment"));
        }
    }
}

/// <summary>A customer and the RFM segment one run put it in.</summary>
public sealed record CustomerRfmSegment(string CustomerId, string Segment);
