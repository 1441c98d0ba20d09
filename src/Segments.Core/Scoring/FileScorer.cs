using Segments.Core.Ingest;
using Segments.Core.Rfm;

namespace Segments.Core.Scoring;

/// <summary>Scores one export file on its own, with the same parser and engine as the pipeline.</summary>
public static class FileScorer
{
    /// <summary>How many row errors a report keeps verbatim; the counts cover all of them.</summary>
    public const int ErrorsKept = 20;

    /// <summary>
    /// Streams <paramref name="stream"/> through the detected profile and scores every customer.
    /// Returns the header rejection instead when the file is not a recognised export.
    /// </summary>
    public static async Task<(FileScoringReport? Report, string? Rejection)> ScoreAsync(Stream stream, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var (reader, rejection) = await TransactionFileReader.OpenAsync(stream, cancellationToken).ConfigureAwait(false);
        if (reader is null)
        {
            return (null, rejection);
        }

        await using (reader.ConfigureAwait(false))
        {
            var aggregator = new CustomerAggregator(asOf);
            var tally = new RowTally(ErrorsKept);
            await foreach (var row in reader.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
            {
                tally.Count(row);
                if (row.Status == RowStatus.Accepted)
                {
                    aggregator.Add(row.Transaction);
                }
            }

            var scoring = RfmScorer.Score(aggregator.ToMetrics());
            return (new FileScoringReport(reader.Profile.Name, aggregator.AsOf, tally.Read, tally.Accepted, tally.Skipped, tally.Rejected, tally.FirstErrors, scoring), null);
        }
    }
}
