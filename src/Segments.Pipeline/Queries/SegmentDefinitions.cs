using System.Globalization;
using Segments.Core.Clustering;
using Segments.Core.Lifecycle;
using Segments.Core.Rfm;

namespace Segments.Pipeline.Queries;

/// <summary>What puts a customer in each segment, in words, with the numbers of one run.</summary>
public static class SegmentDefinitions
{
    /// <summary>An RFM segment: the score codes it holds (<see cref="RfmSegmentTable"/>).</summary>
    public static string Rfm(string segment)
    {
        var codes = RfmSegmentTable.All.Where(p => p.Value == segment).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        return codes.Count == 0
            ? $"Unknown RFM segment '{segment}'."
            : $"RFM code (R, F, M scores 1-5 from this run's quintiles of recency, orders and revenue; R 5 = most recent) is one of {string.Join(' ', codes)}.";
    }

    /// <summary>A lifecycle stage with the day counts this run decided stages with (rules tried in the order New, One-time, Reactivated, then days since the last order).</summary>
    public static string Lifecycle(string stage, LifecycleThresholds? t)
    {
        if (t is null)
        {
            return $"Lifecycle stage {stage} (this run recorded no thresholds).";
        }

        var (n, active, risk, lapsed) = (Days(t.NewWindowDays), Days(t.ActiveMaxDays), Days(t.AtRiskMaxDays), Days(t.LapsedMaxDays));
        var rule = stage switch
        {
            "New" => $"first order at most {n} days before the as-of date",
            "One-time" => $"exactly one order day, more than {n} days ago",
            "Reactivated" => $"came back after a gap of more than {lapsed} days, and that return is at most {n} days ago",
            "Active" => $"repeat customer whose last order is at most {active} days ago",
            "At Risk" => $"repeat customer whose last order is {active} to {risk} days ago (more than {active}, at most {risk})",
            "Lapsed" => $"repeat customer whose last order is more than {risk} and at most {lapsed} days ago",
            "Lost" => $"repeat customer whose last order is more than {lapsed} days ago",
            _ => $"lifecycle stage {stage}",
        };
        var source = t.Source == LifecycleThresholdSource.Fallback ? "conventional fallback windows" : $"percentiles of {t.GapCount} purchase gaps of {t.RepeatCustomers} repeat customers";
        return $"{char.ToUpperInvariant(rule[0])}{rule[1..]} (thresholds from {source}).";
    }

    /// <summary>A cluster by its centroid.</summary>
    public static string Cluster(ClusterSummary cluster, int clusterCount)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Nearest of {clusterCount} k-means centroids (on log recency, orders, revenue) to: {cluster.RecencyDays:0.#} days since the last order, {cluster.Frequency:0.##} orders, {cluster.Monetary:0.##} revenue; 1 is the highest-spending cluster.");
    }

    private static string Days(decimal days) => days.ToString("0.##", CultureInfo.InvariantCulture);
}
