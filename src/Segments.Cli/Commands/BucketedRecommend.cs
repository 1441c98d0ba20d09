using System.Diagnostics;
using System.Globalization;
using Segments.Core.Ingest;
using Segments.Core.Recommendations;
using Segments.Core.Transactions;
using Segments.Storage.Account;

namespace Segments.Cli.Commands;

/// <summary>
/// <c>segments recommend --buckets N</c>: the recommendations of the whole-population command, computed bucket by
/// bucket with one bucket's lines in memory at a time, as a bucketed run does (<see cref="BucketedRecommender"/>). The
/// export is parsed once into one normalised file per customer bucket, then each bucket is read back for each pass:
/// summarise (merged at once), measure the candidates, rank its customers (written at once).
/// </summary>
internal static class BucketedRecommend
{
    public static async Task<int> RunAsync(
        FileInfo input, ExportSource source, ExportContext context, DateOnly asOf, int buckets, RecommendationOptions options, RecommendArguments arguments, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (work, report, _) = await BucketSplitFiles.SplitAsync(input, source, context, buckets, cancellationToken).ConfigureAwait(false);
        using (work)
        {
            IngestReportPrinter.Print(input.Name, report);
            if (report.IsRejected)
            {
                return 1;
            }

            var split = clock.Elapsed;
            var merged = new RecommendationStatistics(asOf, options);
            for (var b = 0; b < buckets; b++)
            {
                BucketedRecommender.Summarise(merged, await work.ReadAsync(b, cancellationToken).ConfigureAwait(false), [], cancellationToken);
            }

            var summarised = clock.Elapsed;
            var candidates = BucketedRecommender.FitCandidates(merged, options, cancellationToken);
            var sums = new List<IReadOnlyList<RecommendationMetricSums>>(buckets);
            for (var b = 0; b < buckets; b++)
            {
                sums.Add(BucketedRecommender.Evaluate(candidates, await work.ReadAsync(b, cancellationToken).ConfigureAwait(false), [], options, cancellationToken));
            }

            var evaluation = BucketedRecommender.Choose(candidates, sums, options);
            candidates = null;
            var pairBytes = merged.FullPairBytes;
            var served = BucketedRecommender.Fit(merged, evaluation, options, cancellationToken);
            var measured = clock.Elapsed;
            int customers = 0, rows = 0;
            var writer = arguments.Output is { } output ? new StreamWriter(output.FullName) : StreamWriter.Null;
            await using (writer.ConfigureAwait(false))
            {
                await writer.WriteLineAsync("customer_id,rank,product,score,reason".AsMemory(), cancellationToken).ConfigureAwait(false);
                for (var b = 0; b < buckets; b++)
                {
                    foreach (var customer in BucketedRecommender.Recommend(served, await work.ReadAsync(b, cancellationToken).ConfigureAwait(false), [], [], options, cancellationToken))
                    {
                        customers++;
                        foreach (var item in customer.Items)
                        {
                            rows++;
                            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                                $"{CsvField.Escape(customer.CustomerId)},{item.Rank},{CsvField.Escape(item.Product)},{item.Score},{CsvField.Escape(item.Reason)}").AsMemory(), cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }

            if (arguments.Evaluate)
            {
                RecommendationEvaluationPrinter.Print(evaluation);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"served: {served.Kind}{(served.Lambda is { } l ? $" (λ {l})" : "")} on {served.Catalogue.Products.Count} products; {customers} customers; {clock.ElapsedMilliseconds} ms; peak working set {PeakMemory.ResidentMebibytes()} MB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bucketed ({buckets} buckets): split {split.TotalSeconds:0.0} s, summarise {(summarised - split).TotalSeconds:0.0} s, fit + measure + fit {(measured - summarised).TotalSeconds:0.0} s, rank + write {(clock.Elapsed - measured).TotalSeconds:0.0} s; statistics: {served.Catalogue.Products.Count} products, {pairBytes / (1024 * 1024)} MiB of pair sums per side"));
            if (arguments.Output is { } written)
            {
                Console.WriteLine($"wrote {rows} rows to {written.FullName}");
            }

            return 0;
        }
    }
}
