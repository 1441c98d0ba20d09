using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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
        ["StageDurationsMs"] = JsonSerializer.Serialize(r.StageDurationsMs, StorageJsonContext.Default.IReadOnlyDictionaryStringInt64),
        ["Profiles"] = r.Profiles is null ? null : JsonSerializer.Serialize(r.Profiles, StorageJsonContext.Default.ProfileRunSummary),
        ["Segments"] = JsonSerializer.Serialize(r.Segments, StorageJsonContext.Default.IReadOnlyListSegmentSize),
        ["RfGrid"] = JsonSerializer.Serialize(r.RfGrid, StorageJsonContext.Default.IReadOnlyListIReadOnlyListInt32),
        ["Reachable"] = r.Reachable.Count == 0 ? null : JsonSerializer.Serialize(r.Reachable, StorageJsonContext.Default.IReadOnlyListSegmentReach),
        ["LifecycleStages"] = JsonSerializer.Serialize(r.LifecycleStages, StorageJsonContext.Default.IReadOnlyListSegmentSize),
        ["LifecycleThresholds"] = r.LifecycleThresholds is null ? null : JsonSerializer.Serialize(r.LifecycleThresholds, StorageJsonContext.Default.LifecycleThresholds),
        ["Clusters"] = JsonSerializer.Serialize(r.Clusters, StorageJsonContext.Default.IReadOnlyListClusterSummary),
        ["Predictions"] = r.Predictions is null ? null : JsonSerializer.Serialize(r.Predictions, StorageJsonContext.Default.PredictionSummary),
        ["Recommendations"] = r.Recommendations is null ? null : JsonSerializer.Serialize(r.Recommendations, StorageJsonContext.Default.RecommendationRunSummary),
        ["RuleSegments"] = JsonSerializer.Serialize(r.RuleSegments, StorageJsonContext.Default.IReadOnlyListSegmentSize),
        ["BehaviourSegments"] = r.BehaviourSegments.Count == 0 ? null : JsonSerializer.Serialize(r.BehaviourSegments, StorageJsonContext.Default.IReadOnlyListSegmentSize),
        ["RuleErrors"] = JsonSerializer.Serialize(r.RuleErrors, StorageJsonContext.Default.IReadOnlyListString),
        ["GenerationTable"] = r.GenerationTable,
        ["BucketCount"] = r.BucketCount,
        ["Error"] = r.Error,
        ["Usage"] = r.Usage is null ? null : JsonSerializer.Serialize(r.Usage, StorageJsonContext.Default.UsageReport),
        ["CostUsd"] = r.CostUsd is null ? null : JsonSerializer.Serialize(r.CostUsd, StorageJsonContext.Default.CostBreakdown),
        ["RfmCutPoints"] = r.RfmCutPoints is null ? null : JsonSerializer.Serialize(r.RfmCutPoints, StorageJsonContext.Default.RfmCutPoints),
        ["ClusterScaling"] = r.ClusterScaling is null ? null : JsonSerializer.Serialize(r.ClusterScaling, StorageJsonContext.Default.RfmFeatureScaling),
        ["Experiments"] = r.Experiments.Count == 0 ? null : JsonSerializer.Serialize(r.Experiments, StorageJsonContext.Default.IReadOnlyListExperimentSummary),
        ["ExperimentErrors"] = r.ExperimentErrors.Count == 0 ? null : JsonSerializer.Serialize(r.ExperimentErrors, StorageJsonContext.Default.IReadOnlyListString),
        ["ProductCatalogErrors"] = r.ProductCatalogErrors.Count == 0 ? null : JsonSerializer.Serialize(r.ProductCatalogErrors, StorageJsonContext.Default.IReadOnlyListString),
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
        StageDurationsMs = JsonSerializer.Deserialize(e.GetString("StageDurationsMs") ?? "{}", StorageJsonContext.Default.DictionaryStringInt64) ?? [],
        Segments = JsonSerializer.Deserialize(e.GetString("Segments") ?? "[]", StorageJsonContext.Default.ListSegmentSize) ?? [],
        RfGrid = Json(e, "RfGrid", StorageJsonContext.Default.ListListInt32) ?? [],
        Reachable = Json(e, "Reachable", StorageJsonContext.Default.ListSegmentReach) ?? [],
        LifecycleStages = Json(e, "LifecycleStages", StorageJsonContext.Default.ListSegmentSize) ?? [],
        LifecycleThresholds = Json(e, "LifecycleThresholds", StorageJsonContext.Default.LifecycleThresholds),
        Clusters = Json(e, "Clusters", StorageJsonContext.Default.ListClusterSummary) ?? [],
        Predictions = Json(e, "Predictions", StorageJsonContext.Default.PredictionSummary),
        Recommendations = Json(e, "Recommendations", StorageJsonContext.Default.RecommendationRunSummary),
        RuleSegments = Json(e, "RuleSegments", StorageJsonContext.Default.ListSegmentSize) ?? [],
        BehaviourSegments = Json(e, "BehaviourSegments", StorageJsonContext.Default.ListSegmentSize) ?? [],
        RuleErrors = Json(e, "RuleErrors", StorageJsonContext.Default.ListString) ?? [],
        Profiles = Json(e, "Profiles", StorageJsonContext.Default.ProfileRunSummary),
        GenerationTable = e.GetString("GenerationTable"),
        BucketCount = e.GetInt32("BucketCount") ?? 0,
        Error = e.GetString("Error"),
        Usage = Json(e, "Usage", StorageJsonContext.Default.UsageReport),
        CostUsd = Json(e, "CostUsd", StorageJsonContext.Default.CostBreakdown),
        RfmCutPoints = Json(e, "RfmCutPoints", StorageJsonContext.Default.RfmCutPoints),
        ClusterScaling = Json(e, "ClusterScaling", StorageJsonContext.Default.RfmFeatureScaling),
        Experiments = Json(e, "Experiments", StorageJsonContext.Default.ListExperimentSummary) ?? [],
        ExperimentErrors = Json(e, "ExperimentErrors", StorageJsonContext.Default.ListString) ?? [],
        ProductCatalogErrors = Json(e, "ProductCatalogErrors", StorageJsonContext.Default.ListString) ?? [],
        SegmentProfilesBlob = e.GetString("SegmentProfilesBlob"),
    };

    private static T? Json<T>(TableEntity e, string property, JsonTypeInfo<T> type)
        where T : class =>
        e.GetString(property) is { } json ? JsonSerializer.Deserialize(json, type) : null;

    private static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
