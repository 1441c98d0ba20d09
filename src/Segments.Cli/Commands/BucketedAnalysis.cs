using System.Diagnostics;
using System.Globalization;
using Segments.Core.Ingest;
using Segments.Core.Lifecycle;
using Segments.Core.Products;
using Segments.Core.Rfm;
using Segments.Core.Rules;
using Segments.Core.Scale;
using Segments.Core.Segmentation;
using Segments.Core.Transactions;
using Segments.Storage.Account;

namespace Segments.Cli.Commands;

/// <summary>
/// <c>segments analyze --buckets N</c>: the same segments as the whole-population analysis, computed bucket by bucket
/// with one bucket's lines in memory at a time, as a run (and later a queue worker per bucket) does (issue 19). The
/// export is parsed once into one normalised file per customer bucket (<see cref="CustomerBucket"/>, as the
/// generation table partitions customers), then each bucket is read back for each pass: summarise, rank, score.
/// </summary>
internal static class BucketedAnalysis
{
    public static async Task<int> RunAsync(
        FileInfo input,
        ExportSource source,
        ExportContext context,
        DateOnly? asOf,
        int buckets,
        IReadOnlyList<RuleSegment> rules,
        ProductCatalog? catalog,
        FileInfo? output,
        PredictionOptions predictions,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (work, report, latest) = await BucketSplitFiles.SplitAsync(input, source, context, buckets, cancellationToken).ConfigureAwait(false);
        using (work)
        {
            IngestReportPrinter.Print(input.Name, report);
            if (report.IsRejected)
            {
                return 1;
            }

            // The as-of rule of the whole-population analysis: the day after the latest accepted line.
            var day = asOf ?? latest?.AddDays(1) ?? DateOnly.FromDateTime(DateTime.UtcNow);
            var split = clock.Elapsed;
            var peakAfterSplit = PeakMemory.ResidentMebibytes();

            // One running summary: a bucket's summary is folded in as soon as it is made, never all of them at once.
            var merged = new PopulationSummary(day, predictions.HoldoutDays);
            for (var b = 0; b < buckets; b++)
            {
                merged.Add(BucketedScoring.Summarise(b, await work.ReadAsync(b, cancellationToken).ConfigureAwait(false), day, predictions));
            }

            var summaryBytes = PopulationSummaryFormat.ToBytes(merged).Length;
            var model = BucketedScoring.Fit(merged, predictions);
            var summarised = clock.Elapsed;
            var peakAfterFit = PeakMemory.ResidentMebibytes();

            var ranking = new SpendRanking();
            for (var b = 0; b < buckets; b++)
            {
                ranking.AddAll(BucketedScoring.Rank(await work.ReadAsync(b, cancellationToken).ConfigureAwait(false), model));
            }

            model = model with { SpendTiers = ranking.Cuts() };
            ranking = null;
            var ranked = clock.Elapsed;

            var tally = new Tally(rules);
            var writer = output is null ? TextWriter.Null : new StreamWriter(output.FullName);
            await using (writer.ConfigureAwait(false))
            {
                if (output is not null)
                {
                    await writer.WriteLineAsync(SegmentationCsv.Header.AsMemory(), cancellationToken).ConfigureAwait(false);
                }

                for (var b = 0; b < buckets; b++)
                {
                    var rows = BucketedScoring.Score(await work.ReadAsync(b, cancellationToken).ConfigureAwait(false), model, rules, profiles: null, catalog);
                    foreach (var row in rows)
                    {
                        tally.Add(row);
                        if (output is not null)
                        {
                            await writer.WriteLineAsync(SegmentationCsv.CustomerLine(row, null, null).AsMemory(), cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }

            Print(model, tally, merged, summaryBytes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bucketed ({buckets} buckets): split {split.TotalSeconds:0.0} s, summarise + fit {(summarised - split).TotalSeconds:0.0} s, rank {(ranked - summarised).TotalSeconds:0.0} s, score {(clock.Elapsed - ranked).TotalSeconds:0.0} s; peak RSS {PeakMemory.ResidentMebibytes()} MiB (after the split {peakAfterSplit}, after the fit {peakAfterFit})"));
            if (output is not null)
            {
                Console.WriteLine($"wrote {tally.Customers} customers to {output.FullName}");
            }

            return 0;
        }
    }

    private static void Print(PopulationModel model, Tally tally, PopulationSummary merged, int summaryBytes)
    {
        Console.WriteLine($"as of {model.AsOf:yyyy-MM-dd}: customers scored {tally.Customers}");
        Section("RFM segments", RfmSegmentTable.SegmentNames.Select(name => new SegmentCount(name, tally.Rfm.GetValueOrDefault(name))));
        var t = model.Lifecycle;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lifecycle thresholds ({t.Source}, {t.RepeatCustomers} repeat customers): new <= {t.NewWindowDays} d, active <= {t.ActiveMaxDays} d, at risk <= {t.AtRiskMaxDays} d, lapsed <= {t.LapsedMaxDays} d"));
        Section("lifecycle stages", LifecycleStageNames.All.Select(LifecycleStageNames.NameOf).Select(name => new SegmentCount(name, tally.Stages.GetValueOrDefault(name))));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clusters (k = {model.Clusters.K}, fitted on a sample of {merged.Sample.Customers.Count}): centroid recency days / orders / revenue, customers"));
        foreach (var cluster in model.Clusters.Clusters)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  cluster {cluster.Cluster,-2} {tally.Clusters.GetValueOrDefault(cluster.Cluster),8}   {cluster.RecencyDays,8:0.#} {cluster.Frequency,8:0.##} {cluster.Monetary,12:0.00}"));
        }

        var models = model.Predictions;
        Console.WriteLine($"purchase models (holdout {models.HoldoutWeeks:0.#} weeks): chosen {models.ChosenModel ?? "none"} — {models.Reason}");
        foreach (var report in new[] { models.PurchaseModel, models.SpendModel }.OfType<ModelReport>())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {report.Model}: converged {report.Converged}, LL {report.LogLikelihood:0.##} {string.Join(" ", report.Parameters.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value:R}")))}"));
        }

        Section("predictive segments", PredictiveSegments.Names.Select(name => new SegmentCount(name, tally.Predictive.GetValueOrDefault(name))));
        if (tally.RuleNames.Count > 0)
        {
            Section("rule segments", tally.RuleNames.Select(name => new SegmentCount(name, tally.Rules.GetValueOrDefault(name))));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"merged population summary: {summaryBytes:N0} bytes ({merged.Monetary.DistinctCount:N0} distinct revenues, {merged.Purchases.Histories.Count:N0} history groups, {merged.Purchases.Calibration.Count:N0} calibration groups, {merged.Purchases.Spend.Count:N0} spend groups, {merged.Sample.Customers.Count:N0} sampled customers)"));
    }

    private static void Section(string title, IEnumerable<SegmentCount> counts)
    {
        Console.WriteLine(title);
        foreach (var count in counts)
        {
            Console.WriteLine($"  {count.Name,-20} {count.Customers,8}");
        }
    }

    /// <summary>Customers per segment of every family, counted as the buckets' rows go by.</summary>
    private sealed class Tally(IReadOnlyList<RuleSegment> rules)
    {
        public IReadOnlyList<string> RuleNames { get; } = rules.Select(r => r.Name).ToList();

        public int Customers { get; private set; }

        public Dictionary<string, int> Rfm { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Stages { get; } = new(StringComparer.Ordinal);

        public Dictionary<int, int> Clusters { get; } = [];

        public Dictionary<string, int> Rules { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Predictive { get; } = new(StringComparer.Ordinal);

        public void Add(CustomerSegmentation row)
        {
            Customers++;
            Increment(Rfm, row.Rfm.Segment);
            Increment(Stages, row.LifecycleStage);
            if (row.Cluster is { } cluster)
            {
                Clusters[cluster] = Clusters.GetValueOrDefault(cluster) + 1;
            }

            foreach (var rule in row.RuleSegments)
            {
                Increment(Rules, rule);
            }

            foreach (var segment in PredictiveSegments.Of(row.Prediction))
            {
                Increment(Predictive, segment);
            }
        }

        private static void Increment(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
    }
}
