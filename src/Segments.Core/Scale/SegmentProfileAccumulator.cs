using Segments.Core.Lifecycle;
using Segments.Core.SegmentProfiles;

namespace Segments.Core.Scale;

/// <summary>
/// Segment profiles built bucket by bucket: each bucket adds its scored customers with the segments they are in,
/// the buckets' accumulators merge (in any order), and <see cref="Profiles"/> gives what
/// <see cref="SegmentProfileCalculator.Profile"/> gives over every customer at once: the same counts, sums, shares,
/// median recency (from an exact histogram), top lists and cross-sell candidates.
/// </summary>
public sealed class SegmentProfileAccumulator
{
    private readonly Dictionary<string, SegmentTally> _segments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _buyersOverall = new(StringComparer.Ordinal);

    /// <summary>Customers added.</summary>
    public int Customers { get; private set; }

    /// <summary>Their revenue.</summary>
    public decimal Revenue { get; private set; }

    // For SegmentProfileAccumulatorFormat, which writes and reads every count.
    internal Dictionary<string, SegmentTally> Segments => _segments;

    internal Dictionary<string, int> BuyersOverall => _buyersOverall;

    internal void AddTotals(int customers, decimal revenue)
    {
        Customers += customers;
        Revenue += revenue;
    }

    /// <summary>
    /// Adds one customer, a member of <paramref name="segments"/> (segment ids as the profiles name them), with the
    /// customer's <paramref name="demographics"/> when the run has any.
    /// </summary>
    public void Add(ProfiledCustomer customer, IEnumerable<string> segments, CustomerDemographics? demographics = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(segments);
        Customers++;
        Revenue += customer.Revenue;
        var products = customer.Products.Distinct(StringComparer.Ordinal).ToList();
        foreach (var product in products)
        {
            SegmentTally.Increment(_buyersOverall, product);
        }

        foreach (var segment in segments.Distinct(StringComparer.Ordinal))
        {
            if (!_segments.TryGetValue(segment, out var tally))
            {
                tally = new SegmentTally();
                _segments.Add(segment, tally);
            }

            tally.Customers++;
            tally.Revenue += customer.Revenue;
            tally.Orders += customer.Orders;
            tally.Recency.Add(customer.RecencyDays);
            products.ForEach(p => SegmentTally.Increment(tally.Buyers, p));
            if (customer.Country.Length > 0)
            {
                SegmentTally.Increment(tally.Countries, customer.Country);
            }

            if (customer.LifecycleStage is { } stage)
            {
                SegmentTally.Increment(tally.Stages, stage);
            }

            if (!string.IsNullOrWhiteSpace(demographics?.AgeBand))
            {
                tally.KnownAgeBands++;
                SegmentTally.Increment(tally.AgeBands, demographics.AgeBand);
            }

            if (!string.IsNullOrWhiteSpace(demographics?.Gender))
            {
                tally.KnownGenders++;
                SegmentTally.Increment(tally.Genders, demographics.Gender);
            }
        }
    }

    /// <summary>The accumulators of disjoint buckets as one.</summary>
    public static SegmentProfileAccumulator Merge(IEnumerable<SegmentProfileAccumulator> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var merged = new SegmentProfileAccumulator();
        foreach (var part in parts)
        {
            merged.Customers += part.Customers;
            merged.Revenue += part.Revenue;
            foreach (var (product, count) in part._buyersOverall)
            {
                SegmentTally.Increment(merged._buyersOverall, product, count);
            }

            foreach (var (segment, tally) in part._segments)
            {
                if (!merged._segments.TryGetValue(segment, out var into))
                {
                    into = new SegmentTally();
                    merged._segments.Add(segment, into);
                }

                into.AddAll(tally);
            }
        }

        return merged;
    }

    /// <summary>
    /// The profile of each of <paramref name="segments"/>, in that order (a segment nobody joined gets an empty
    /// profile); with <paramref name="withDemographics"/>, the age and gender mixes, as when the calculator is given
    /// demographics.
    /// </summary>
    public IReadOnlyList<SegmentProfile> Profiles(IReadOnlyList<string> segments, bool withDemographics, SegmentProfileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(segments);
        options ??= new SegmentProfileOptions();
        var stageOrder = LifecycleStageNames.All.Select(LifecycleStageNames.NameOf).ToList();
        return segments.Select(segment =>
        {
            var t = _segments.GetValueOrDefault(segment) ?? new SegmentTally();
            var n = t.Customers;
            var lifecycle = t.Stages
                .Select(s => new ShareOf(s.Key, s.Value, SegmentProfileCalculator.Share(s.Value, n)))
                .OrderBy(s => stageOrder.IndexOf(s.Name) is var i && i >= 0 ? i : int.MaxValue)
                .ThenBy(s => s.Name, StringComparer.Ordinal)
                .ToList();
            return new SegmentProfile(
                segment,
                n,
                t.Revenue,
                Revenue > 0 ? Math.Round((double)(t.Revenue / Revenue), 4) : 0,
                t.Orders > 0 ? Math.Round(t.Revenue / t.Orders, 2) : null,
                n > 0 ? t.Recency.Linear(0.5m) : null,
                SegmentProfileCalculator.Top(t.Buyers, n, options.TopProducts),
                SegmentProfileCalculator.Top(t.Countries, n, options.TopCountries),
                lifecycle,
                withDemographics ? new DemographicMix(t.KnownAgeBands, SegmentProfileCalculator.Top(t.AgeBands, t.KnownAgeBands, int.MaxValue)) : null,
                withDemographics ? new DemographicMix(t.KnownGenders, SegmentProfileCalculator.Top(t.Genders, t.KnownGenders, int.MaxValue)) : null,
                SegmentProfileCalculator.CrossSell(t.Buyers, n, _buyersOverall, Customers, options));
        }).ToList();
    }
}
