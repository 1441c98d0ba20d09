using Segments.Core.Ingest;
using Segments.Core.Rules;
using Segments.Core.Scale;
using Segments.Core.Segmentation;
using Segments.Core.Synthetic;
using Segments.Core.Transactions;

namespace Segments.Core.Tests.Scale;

/// <summary>Order lines split into buckets and scored bucket by bucket, next to the whole-population engine.</summary>
internal static class BucketedRun
{
    /// <summary>
    /// Rules over every kind of attribute a bucket computes: the two of the README and ones on lifecycle, cluster,
    /// RFM scores, P(alive) and CLV.
    /// </summary>
    public static IReadOnlyList<RuleSegment> Rules { get; } = SegmentDefinitionLoader.Load("""
        {"segments": [
          {"name": "UK loyal", "description": "UK, 3+ orders, bought in the last 90 days",
           "query": "country = 'United Kingdom' AND orders >= 3 AND last_order_date > -90d"},
          {"name": "At-risk whales", "description": "", "query": "rfm_segment IN ('At Risk', 'Can''t Lose Them') AND revenue > 2000"},
          {"name": "Slipping", "description": "", "query": "lifecycle_stage IN ('At Risk', 'Lapsed') OR recency_days > 120"},
          {"name": "Cluster one", "description": "", "query": "cluster = 1"},
          {"name": "Top scores", "description": "", "query": "rfm_r >= 4 AND rfm_f >= 4 AND rfm_m >= 4"},
          {"name": "Likely alive and valuable", "description": "", "query": "p_alive > 0.6 AND clv > 100"}
        ]}
        """).Segments;

    /// <summary>The generated export of <paramref name="rows"/> rows with <paramref name="seed"/>, as accepted lines.</summary>
    public static async Task<List<TransactionLine>> GeneratedAsync(long rows, ulong seed)
    {
        var writer = new StringWriter();
        RetailExportGenerator.Write(writer, rows, long.MaxValue, seed);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(writer.ToString()));
        return await ReadAsync(stream, "generated.csv");
    }

    /// <summary>The accepted lines of an export file.</summary>
    public static async Task<List<TransactionLine>> ReadAsync(Stream stream, string name)
    {
        var lines = new List<TransactionLine>();
        var report = await new ExportProcessor(ExportContext.Default).ProcessAsync(
            stream,
            new ExportSource(name),
            line =>
            {
                lines.Add(line);
                return ValueTask.CompletedTask;
            },
            _ => ValueTask.CompletedTask,
            CancellationToken.None);
        Assert.Null(report.Rejection);
        return lines;
    }

    /// <summary>The day after the latest line: the as-of date a file scored on its own gets.</summary>
    public static DateOnly DayAfterLatest(IEnumerable<TransactionLine> lines) => lines.Max(l => l.OrderDate).AddDays(1);

    /// <summary>The lines of each bucket: a customer's bucket is the stable hash of their id modulo <paramref name="buckets"/>.</summary>
    public static List<(int Bucket, List<TransactionLine> Lines)> Split(IEnumerable<TransactionLine> lines, int buckets) =>
        lines.GroupBy(l => (int)(StableHash.Of(l.CustomerId) % (ulong)buckets))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.ToList()))
            .ToList();

    /// <summary>Every bucket summarised and merged, in the given order.</summary>
    public static PopulationSummary Summarise(IEnumerable<(int Bucket, List<TransactionLine> Lines)> buckets, DateOnly asOf, int clusterSampleSize = PopulationSummary.DefaultClusterSampleSize) =>
        BucketedScoring.Merge(buckets.Select(b => BucketedScoring.Summarise(b.Bucket, b.Lines, asOf, clusterSampleSize: clusterSampleSize)));

    /// <summary>The whole bucketed run: summaries, fit, ranking, scoring; every customer by id.</summary>
    public static (PopulationModel Model, Dictionary<string, CustomerSegmentation> Customers) Score(
        List<(int Bucket, List<TransactionLine> Lines)> buckets, DateOnly asOf, int clusterSampleSize = PopulationSummary.DefaultClusterSampleSize)
    {
        var model = BucketedScoring.Fit(Summarise(buckets, asOf, clusterSampleSize));
        model = BucketedScoring.WithSpendTiers(model, buckets.Select(b => BucketedScoring.Rank(b.Lines, model)));
        var customers = buckets
            .SelectMany(b => BucketedScoring.Score(b.Lines, model, Rules))
            .ToDictionary(c => c.CustomerId, StringComparer.Ordinal);
        return (model, customers);
    }

    /// <summary>The whole-population engine's result.</summary>
    public static SegmentationResult Whole(IEnumerable<TransactionLine> lines, DateOnly asOf)
    {
        var engine = new SegmentationEngine(asOf);
        foreach (var line in lines)
        {
            engine.Add(line);
        }

        return engine.Compute(Rules);
    }
}
