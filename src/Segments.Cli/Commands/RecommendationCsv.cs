using System.Globalization;
using Segments.Core.Ingest;
using Segments.Core.Recommendations;

namespace Segments.Cli.Commands;

/// <summary>Writes recommendations as CSV: <c>customer_id,rank,product,score,reason</c>, one row per recommended product.</summary>
internal static class RecommendationCsv
{
    public static async Task WriteAsync(FileInfo output, IEnumerable<CustomerRecommendations> customers, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(output.FullName);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync("customer_id,rank,product,score,reason".AsMemory(), cancellationToken).ConfigureAwait(false);
            foreach (var customer in customers)
            {
                foreach (var item in customer.Items)
                {
                    var line = string.Create(CultureInfo.InvariantCulture,
                        $"{CsvField.Escape(customer.CustomerId)},{item.Rank},{CsvField.Escape(item.Product)},{item.Score},{CsvField.Escape(item.Reason)}");
                    await writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
