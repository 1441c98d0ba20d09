using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Segments.Storage.Account;

namespace Segments.Storage.Runs;

/// <summary>The Runs table: a row per run, and the one pointer row that names the active run.</summary>
public sealed class RunLedger(StorageAccount account)
{
    private const string RunPartition = "run";
    private const string PointerPartition = "pointer";
    private const string ActiveRowKey = "active";

    private readonly TableClient _table = account.Tables.GetTableClient(StorageNames.RunsTable);

    /// <summary>Writes (inserts or replaces) a run row.</summary>
    public Task SaveAsync(RunRecord run, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(ToEntity(run), TableUpdateMode.Replace, cancellationToken);

    /// <summary>Inserts a run row unless one with its id exists; false when it did.</summary>
    public async Task<bool> TryAddAsync(RunRecord run, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(ToEntity(run), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>A run, or null.</summary>
    public async Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(RunPartition, TableKey.Escape(runId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    /// <summary>Every run, newest first.</summary>
    public async Task<IReadOnlyList<RunRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var runs = new List<RunRecord>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == RunPartition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            runs.Add(FromEntity(entity));
        }

        return runs.OrderByDescending(r => r.RunId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The active run, or null before the first successful run.</summary>
    public async Task<ActiveRun?> GetActiveAsync(CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(PointerPartition, ActiveRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue)
        {
            return null;
        }

        var e = response.Value!;
        return new ActiveRun(e.GetString("RunId"), ParseDate(e.GetString("AsOf")), e.GetString("GenerationTable"), e.GetInt32("BucketCount") ?? CustomerBucket.DefaultCount);
    }

    /// <summary>
    /// Points lookups at <paramref name="run"/>'s generation. One entity write is atomic, so a reader sees
    /// either the old generation or the new one, never a mix.
    /// </summary>
    public Task FlipActiveAsync(ActiveRun run, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(
            new TableEntity(PointerPartition, ActiveRowKey)
            {
                ["RunId"] = run.RunId,
                ["AsOf"] = FormatDate(run.AsOf),
                ["GenerationTable"] = run.GenerationTable,
                ["BucketCount"] = run.BucketCount,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    private static TableEntity ToEntity(RunRecord r) => new(RunPartition, TableKey.Escape(r.RunId))
    {
        ["RunId"] = r.RunId,
        ["AsOf"] = FormatDate(r.AsOf),
        ["Status"] = r.Status,
        ["Trigger"] = r.Trigger,
        ["RequestedAt"] = r.RequestedAt,
        ["AllowEmpty"] = r.AllowEmpty ? true : null,
        ["StartedAt"] = r.StartedAt,
        ["FinishedAt"] = r.FinishedAt,
        ["BatchesRead"] = r.BatchesRead,
        ["TransactionsRead"] = r.TransactionsRead,
        ["CustomersScored"] = r.CustomersScored,
        ["StageDurationsMs"] = JsonSerializer.Serialize(r.StageDurationsMs),
        ["Profiles"] = r.Profiles is null ? null : JsonSerializer.Serialize(r.Profiles),
        ["Segments"] = JsonSerializer.Serialize(r.Segments),
        ["RfGrid"] = JsonSerializer.Serialize(r.RfGrid),
        ["Reachable"] = r.Reachable.Count == 0 ? null : JsonSerializer.Serialize(r.Reachable),
        ["LifecycleStages"] = JsonSerializer.Serialize(r.LifecycleStages),
        ["LifecycleThresholds"] = r.LifecycleThresholds is null ? null : JsonSerializer.Serialize(r.LifecycleThresholds),
        ["Clusters"] = JsonSerializer.Serialize(r.Clusters),
        ["Predictions"] = r.Predictions is null ? null : JsonSerializer.Serialize(r.Predictions),
        ["Recommendations"] = r.Recommendations is null ? null : JsonSerializer.Serialize(r.Recommendations),
        ["RuleSegments"] = JsonSerializer.Serialize(r.RuleSegments),
        ["BehaviourSegments"] = r.BehaviourSegments.Count == 0 ? null : JsonSerializer.Serialize(r.BehaviourSegments),
        ["RuleErrors"] = JsonSerializer.Serialize(r.RuleErrors),
        ["GenerationTable"] = r.GenerationTable,
        ["BucketCount"] = r.BucketCount,
        ["Error"] = r.Error,
        ["Usage"] = r.Usage is null ? null : JsonSerializer.Serialize(r.Usage),
        ["CostUsd"] = r.CostUsd is null ? null : JsonSerializer.Serialize(r.CostUsd),
        ["RfmCutPoints"] = r.RfmCutPoints is null ? null : JsonSerializer.Serialize(r.RfmCutPoints),
        ["ClusterScaling"] = r.ClusterScaling is null ? null : JsonSerializer.Serialize(r.ClusterScaling),
        ["Experiments"] = r.Experiments.Count == 0 ? null : JsonSerializer.Serialize(r.Experiments),
        ["ExperimentErrors"] = r.ExperimentErrors.Count == 0 ? null : JsonSerializer.Serialize(r.ExperimentErrors),
        ["ProductCatalogErrors"] = r.ProductCatalogErrors.Count == 0 ? null : JsonSerializer.Serialize(r.ProductCatalogErrors),
        ["SegmentProfilesBlob"] = r.SegmentProfilesBlob,
    };

    private static RunRecord FromEntity(TableEntity e) => new()
    {
        RunId = e.GetString("RunId"),
        AsOf = ParseDate(e.GetString("AsOf")),
        Status = e.GetString("Status"),
        Trigger = e.GetString("Trigger"),
        RequestedAt = e.GetDateTimeOffset("RequestedAt") ?? DateTimeOffset.MinValue,
        AllowEmpty = e.GetBoolean("AllowEmpty") ?? false,
        StartedAt = e.GetDateTimeOffset("StartedAt"),
        FinishedAt = e.GetDateTimeOffset("FinishedAt"),
        BatchesRead = e.GetInt32("BatchesRead") ?? 0,
        TransactionsRead = e.GetInt64("TransactionsRead") ?? 0,
        CustomersScored = e.GetInt32("CustomersScored") ?? 0,
        StageDurationsMs = JsonSerializer.Deserialize<Dictionary<string, long>>(e.GetString("StageDurationsMs") ?? "{}") ?? [],
        Segments = JsonSerializer.Deserialize<List<SegmentSize>>(e.GetString("Segments") ?? "[]") ?? [],
        RfGrid = Json<List<List<int>>>(e, "RfGrid") ?? [],
        Reachable = Json<List<SegmentReach>>(e, "Reachable") ?? [],
        LifecycleStages = Json<List<SegmentSize>>(e, "LifecycleStages") ?? [],
        LifecycleThresholds = Json<Core.Lifecycle.LifecycleThresholds>(e, "LifecycleThresholds"),
        Clusters = Json<List<Core.Clustering.ClusterSummary>>(e, "Clusters") ?? [],
        Predictions = Json<Core.Segmentation.PredictionSummary>(e, "Predictions"),
        Recommendations = Json<Recommendations.RecommendationRunSummary>(e, "Recommendations"),
        RuleSegments = Json<List<SegmentSize>>(e, "RuleSegments") ?? [],
        BehaviourSegments = Json<List<SegmentSize>>(e, "BehaviourSegments") ?? [],
        RuleErrors = Json<List<string>>(e, "RuleErrors") ?? [],
        Profiles = Json<ProfileRunSummary>(e, "Profiles"),
        GenerationTable = e.GetString("GenerationTable"),
        BucketCount = e.GetInt32("BucketCount") ?? 0,
        Error = e.GetString("Error"),
        Usage = Json<Core.Cost.UsageReport>(e, "Usage"),
        CostUsd = Json<Core.Cost.CostBreakdown>(e, "CostUsd"),
        RfmCutPoints = Json<Core.Rfm.RfmCutPoints>(e, "RfmCutPoints"),
        ClusterScaling = Json<Core.Clustering.RfmFeatureScaling>(e, "ClusterScaling"),
        Experiments = Json<List<Core.Experiments.ExperimentSummary>>(e, "Experiments") ?? [],
        ExperimentErrors = Json<List<string>>(e, "ExperimentErrors") ?? [],
        ProductCatalogErrors = Json<List<string>>(e, "ProductCatalogErrors") ?? [],
        SegmentProfilesBlob = e.GetString("SegmentProfilesBlob"),
    };

    private static T? Json<T>(TableEntity e, string property)
        where T : class =>
        e.GetString(property) is { } json ? JsonSerializer.Deserialize<T>(json) : null;

    private static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
