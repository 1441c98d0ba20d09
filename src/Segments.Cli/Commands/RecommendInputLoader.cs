using System.Globalization;
using Segments.Core.Ingest;
using Segments.Core.Recommendations;
using Segments.Core.Transactions;

namespace Segments.Cli.Commands;

/// <summary>Reads the order lines of <c>segments recommend</c> through the ingest mappings; row problems go to standard error.</summary>
internal static class RecommendInputLoader
{
    private const int ErrorsShown = 10;

    /// <summary>The accepted lines (cancellations included: the recommender itself leaves them out), or the reason the file was refused.</summary>
    public static async Task<(IReadOnlyCollection<TransactionLine>? Lines, string? Rejection)> LoadAsync(
        FileInfo input, ExportSource source, ExportContext context, CancellationToken cancellationToken)
    {
        var stream = input.OpenRead();
        await using (stream.ConfigureAwait(false))
        {
            var (reader, rejection) = await TransactionFileReader.OpenAsync(stream, source, context, cancellationToken).ConfigureAwait(false);
            if (reader is null)
            {
                return (null, rejection);
            }

            await using (reader.ConfigureAwait(false))
            {
                // Kept compact as the run keeps them (shared ids and codes, no order id or country).
                var lines = new RecommendationLineCollector();
                var tally = new RowTally(ErrorsShown);
                await foreach (var row in reader.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
                {
                    tally.Count(row);
                    if (row.Status == RowStatus.Accepted)
                    {
                        lines.Add(row.Transaction);
                    }
                }

                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{input.Name}: {reader.Mapping.Name} export; rows read {tally.Read}, accepted {tally.Accepted}, skipped {tally.Skipped}, rejected {tally.Rejected}")).ConfigureAwait(false);
                foreach (var error in tally.FirstErrors)
                {
                    await Console.Error.WriteLineAsync($"{input.Name}:{error.Line}: {error.Column} '{error.Value}': {error.Reason}").ConfigureAwait(false);
                }

                return (lines.Lines, null);
            }
        }
    }
}
