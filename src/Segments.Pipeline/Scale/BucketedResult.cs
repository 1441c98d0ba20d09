using Segments.Core.Clustering;
using Segments.Core.Cohorts;
using Segments.Core.Lifecycle;
using Segments.Core.Profiles;
using Segments.Core.Rfm;
using Segments.Core.Rules;
using Segments.Core.Scale;
using Segments.Core.Segmentation;

namespace Segments.Pipeline.Scale;

/// <summary>
/// The <see cref="SegmentationResult"/> of a bucketed run, put together from every bucket's scored customers and the
/// population model, so that what follows scoring (segment sizes and the run record, insights, the outbox,
/// recommendations) reads it as it reads the whole-population engine's. Sizes are counted from the customers; the
/// cluster centroids are the model's, their sizes recounted over every customer.
/// </summary>
internal static class BucketedResult
{
    private static readonly Dictionary<string, LifecycleStage> StageByName =
        LifecycleStageNames.All.ToDictionary(LifecycleStageNames.NameOf, s => s, StringComparer.Ordinal);

    public static SegmentationResult Assemble(
        PopulationModel model,
        List<CustomerSegmentation> customers,
        IReadOnlyList<RuleSegment> rules,
        IReadOnlyDictionary<string, CustomerProfileFields>? profiles,
        CohortAggregator cohorts)
    {
        var day = model.AsOf;
        customers.Sort((a, b) => string.CompareOrdinal(a.CustomerId, b.CustomerId));
        var rfm = new RfmScoring(model.Rfm.Recency, model.Rfm.Frequency, model.Rfm.Monetary, customers.ConvertAll(c => c.Rfm));

        // Only the stage is counted from here (CountByStage); the day counts follow from the dates, order days are not kept.
        var lifecycle = new LifecycleAssessment(day, model.Lifecycle, customers.ConvertAll(c => new CustomerLifecycle(
            c.CustomerId,
            StageByName[c.LifecycleStage],
            day.DayNumber - c.FirstOrderDate.DayNumber,
            day.DayNumber - c.LastOrderDate.DayNumber,
            0)));

        var sizes = customers.Where(c => c.Cluster is not null).GroupBy(c => c.Cluster!.Value).ToDictionary(g => g.Key, g => g.Count());
        var clusters = model.Clusters with
        {
            Clusters = model.Clusters.Clusters.Select(c => c with { Size = sizes.GetValueOrDefault(c.Cluster) }).ToList(),
            Customers = customers.Where(c => c.Cluster is not null).Select(c => new CustomerCluster(c.CustomerId, c.Cluster!.Value)).ToList(),
        };

        var ruleCounts = rules.ToDictionary(r => r.Name, _ => 0, StringComparer.Ordinal);
        foreach (var name in customers.SelectMany(c => c.RuleSegments))
        {
            ruleCounts[name]++;
        }

        var scored = customers.Select(c => c.CustomerId).ToHashSet(StringComparer.Ordinal);
        return new SegmentationResult(day, rfm, lifecycle, clusters, rules.Select(r => new SegmentCount(r.Name, ruleCounts[r.Name])).ToList(), customers)
        {
            Predictions = model.Predictions with { Segments = PredictiveSegments.Count(customers.Select(c => c.Prediction)) },
            ProfilesWithoutOrders = profiles is null ? 0 : profiles.Keys.Count(id => !scored.Contains(id)),
            Cohorts = CohortTables(day, profiles, cohorts),
        };
    }

    // As SegmentationEngine: the plain table, and one per dimension that some profile carries.
    private static List<CohortTable> CohortTables(DateOnly day, IReadOnlyDictionary<string, CustomerProfileFields>? profiles, CohortAggregator cohorts)
    {
        List<CohortTable> tables = [cohorts.ToTable() with { AsOf = day }];
        foreach (var dimension in CohortDimensions.All)
        {
            if (profiles is not null && profiles.Values.Any(p => CohortDimensions.ValueOf(dimension, p) is not null))
            {
                tables.Add(cohorts.ToTable(dimension, id => CohortDimensions.ValueOf(dimension, profiles.GetValueOrDefault(id))) with { AsOf = day });
            }
        }

        return tables;
    }
}
