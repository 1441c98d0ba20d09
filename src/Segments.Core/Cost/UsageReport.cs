namespace Segments.Core.Cost;

/// <summary>What one execution (a run, or the ingestion of one batch) used, stage by stage, in stage order.</summary>
public sealed record UsageReport(IReadOnlyDictionary<string, StageUsage> Stages)
{
    /// <summary>Elapsed milliseconds of the whole execution (the stages follow one another).</summary>
    public long WallMs => Stages.Values.Sum(s => s.WallMs);

    /// <summary>The largest process working set seen during the execution.</summary>
    public long PeakWorkingSetBytes => Stages.Values.Select(s => s.PeakWorkingSetBytes).DefaultIfEmpty(0).Max();

    /// <summary>Every storage request of the execution.</summary>
    public StorageRequests Requests => Stages.Values.Aggregate(StorageRequests.None, (sum, s) => sum.Plus(s.Requests));

    /// <summary>Request body bytes sent to storage.</summary>
    public long RequestBytes => Stages.Values.Sum(s => s.RequestBytes);

    /// <summary>Response body bytes received from storage.</summary>
    public long ResponseBytes => Stages.Values.Sum(s => s.ResponseBytes);
}
