using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Segments.Storage.Account;

namespace Segments.Storage.Generations;

/// <summary>
/// Customer rows of one run, in a table of their own. A run writes a fresh table and only then flips the
/// active pointer, so a lookup never mixes two runs, and dropping an old generation is one table delete.
/// </summary>
public sealed class GenerationStore(StorageAccount account)
{
    // Entity group transactions take at most 100 operations, all in one partition.
    private const int TransactionLimit = 100;
    private const int ParallelTransactions = 8;

    private const string TablePrefix = "Rfm";

    /// <summary>The table name for a run id: letters and digits only, as Table Storage requires.</summary>
    public static string TableNameFor(string runId) => TablePrefix + new string(runId.Where(char.IsAsciiLetterOrDigit).ToArray());

    /// <summary>Every generation table in the account, whether a run names it or not (to find leftovers).</summary>
    public async Task<IReadOnlyList<string>> ListTablesAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        // Table names compare as text: every name with the prefix sorts from "Rfm" up to, not including, "Rfn".
        var filter = TableServiceClient.CreateQueryFilter($"TableName ge {TablePrefix} and TableName lt {"Rfn"}");
        await foreach (var table in account.Tables.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            names.Add(table.Name);
        }

        return names;
    }

    /// <summary>Creates a generation table (a no-op when it exists), for runs that write it partition by partition.</summary>
    public Task CreateAsync(string tableName, CancellationToken cancellationToken) =>
        account.Tables.CreateTableIfNotExistsAsync(tableName, cancellationToken);

    /// <summary>Creates the generation table and writes every row; returns the number written.</summary>
    public async Task<int> WriteAsync(string tableName, IReadOnlyList<CustomerSegmentRow> rows, int bucketCount, CancellationToken cancellationToken)
    {
        var table = account.Tables.GetTableClient(tableName);
        await TableCreation.CreateIfMissingAsync(table, cancellationToken).ConfigureAwait(false);
        var transactions = rows
            .GroupBy(row => CustomerBucket.Of(row.CustomerId, bucketCount))
            .SelectMany(bucket => bucket.Chunk(TransactionLimit).Select(chunk => chunk.Select(row => ToEntity(bucket.Key, row))))
            .ToList();

        await Parallel.ForEachAsync(
            transactions,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelTransactions, CancellationToken = cancellationToken },
            async (entities, ct) =>
            {
                var actions = entities.Select(entity => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
                await table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);

        return rows.Count;
    }

    /// <summary>
    /// Writes the rows of one customer bucket (a bucketed run's scoring pass writes its bucket's and drops them) into a
    /// table the run created; rewriting the same rows leaves the same entities (upserts). Returns the number written.
    /// </summary>
    public async Task<int> WritePartitionAsync(string tableName, int bucket, int bucketCount, IReadOnlyList<CustomerSegmentRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var partition = PartitionOf(bucket);
        if (rows.FirstOrDefault(r => CustomerBucket.IndexOf(r.CustomerId, bucketCount) != bucket) is { } stray)
        {
            throw new ArgumentException($"customer {stray.CustomerId} is in bucket {CustomerBucket.Of(stray.CustomerId, bucketCount)}, not {partition}", nameof(rows));
        }

        var table = account.Tables.GetTableClient(tableName);
        await Parallel.ForEachAsync(
            rows.Chunk(TransactionLimit),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelTransactions, CancellationToken = cancellationToken },
            async (chunk, ct) =>
            {
                var actions = chunk.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(partition, row)));
                await table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return rows.Count;
    }

    /// <summary>Every row of one customer bucket (partition) of a generation.</summary>
    public async IAsyncEnumerable<CustomerSegmentRow> ScanPartitionAsync(
        string tableName,
        int bucket,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = account.Tables.GetTableClient(tableName);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(bucket)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return FromEntity(entity);
        }
    }

    /// <summary>One customer's row, or null.</summary>
    public async Task<CustomerSegmentRow?> GetAsync(string tableName, int bucketCount, string customerId, CancellationToken cancellationToken)
    {
        var table = account.Tables.GetTableClient(tableName);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(CustomerBucket.Of(customerId, bucketCount), TableKey.Escape(customerId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    /// <summary>
    /// Every row of a generation in key order (partition, then row key), starting after the given keys, so a
    /// scan can stop and resume exactly where it stopped. Pages of up to 1,000 rows, as Table Storage serves them.
    /// </summary>
    public async IAsyncEnumerable<KeyedCustomerRow> ScanAsync(
        string tableName,
        GenerationPosition? after,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = account.Tables.GetTableClient(tableName);
        var filter = after is null
            ? null
            : TableClient.CreateQueryFilter($"PartitionKey gt {after.PartitionKey} or (PartitionKey eq {after.PartitionKey} and RowKey gt {after.RowKey})");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return new KeyedCustomerRow(new GenerationPosition(entity.PartitionKey, entity.RowKey), FromEntity(entity));
        }
    }

    /// <summary>Whether a generation table still exists (older generations are deleted as newer runs succeed).</summary>
    public async Task<bool> ExistsAsync(string tableName, CancellationToken cancellationToken)
    {
        await foreach (var _ in account.Tables.QueryAsync(t => t.Name == tableName, maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        return false;
    }

    /// <summary>Deletes a generation table (a no-op when it is already gone).</summary>
    public Task DeleteAsync(string tableName, CancellationToken cancellationToken) =>
        account.Tables.DeleteTableAsync(tableName, cancellationToken);

    // As CustomerBucket.Of names a customer's partition.
    private static string PartitionOf(int bucket) => "b" + bucket.ToString("D2", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(string partition, CustomerSegmentRow row) => new TableEntity(partition, TableKey.Escape(row.CustomerId))
    {
        ["CustomerId"] = row.CustomerId,
        ["RecencyDays"] = row.RecencyDays,
        ["Frequency"] = row.Frequency,
        // Text, not a double: a double cannot hold every decimal amount exactly.
        ["Monetary"] = row.Monetary.ToString(CultureInfo.InvariantCulture),
        ["R"] = row.R,
        ["F"] = row.F,
        ["M"] = row.M,
        ["Code"] = row.Code,
        ["Segment"] = row.Segment,
        ["Country"] = row.Country,
        ["FirstOrderDate"] = row.FirstOrderDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["LastOrderDate"] = row.LastOrderDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["LifecycleStage"] = row.LifecycleStage,
        ["Cluster"] = row.Cluster,
        ["RuleSegments"] = JsonSerializer.Serialize(row.RuleSegments, StorageJsonContext.Default.IReadOnlyListString),
        ["PAlive"] = row.Prediction?.PAlive,
        ["ExpectedPurchases30"] = row.Prediction?.ExpectedPurchases30,
        ["ExpectedPurchases90"] = row.Prediction?.ExpectedPurchases90,
        ["ExpectedPurchases365"] = row.Prediction?.ExpectedPurchases365,
        ["ExpectedAverageOrderValue"] = row.Prediction?.ExpectedAverageOrderValue,
        ["Clv12Months"] = row.Prediction?.Clv12Months,
        ["RuleClauses"] = RuleClausesJson(row.RuleClauses),
        ["ExperimentGroups"] = row.ExperimentGroups.Count == 0 ? null : JsonSerializer.Serialize(row.ExperimentGroups, StorageJsonContext.Default.IReadOnlyListExperimentAssignment),
        ["BehaviourSegments"] = row.BehaviourSegments.Count == 0 ? null : JsonSerializer.Serialize(row.BehaviourSegments, StorageJsonContext.Default.IReadOnlyListString),
        ["BehaviourExplanations"] = row.BehaviourExplanations.Count == 0 ? null : JsonSerializer.Serialize(row.BehaviourExplanations, StorageJsonContext.Default.IReadOnlyDictionaryStringString),
        ["Behaviour"] = row.Behaviour is null ? null : JsonSerializer.Serialize(row.Behaviour, StorageJsonContext.Default.CustomerBehaviour),
    }.WithProfile(row.Profile).WithPredictiveFields(row.Prediction);

    private static CustomerSegmentRow FromEntity(TableEntity e) => new(
        e.GetString("CustomerId"),
        e.GetInt32("RecencyDays") ?? 0,
        e.GetInt32("Frequency") ?? 0,
        decimal.Parse(e.GetString("Monetary"), CultureInfo.InvariantCulture),
        e.GetInt32("R") ?? 0,
        e.GetInt32("F") ?? 0,
        e.GetInt32("M") ?? 0,
        e.GetString("Code"),
        e.GetString("Segment"),
        e.GetString("Country") ?? string.Empty)
    {
        FirstOrderDate = ParseDate(e.GetString("FirstOrderDate")),
        LastOrderDate = ParseDate(e.GetString("LastOrderDate")),
        LifecycleStage = e.GetString("LifecycleStage"),
        Cluster = e.GetInt32("Cluster"),
        RuleSegments = JsonSerializer.Deserialize(e.GetString("RuleSegments") ?? "[]", StorageJsonContext.Default.ListString) ?? [],
        RuleClauses = JsonSerializer.Deserialize(e.GetString("RuleClauses") ?? "{}", StorageJsonContext.Default.DictionaryStringIReadOnlyListString) ?? [],
        ExperimentGroups = JsonSerializer.Deserialize(e.GetString("ExperimentGroups") ?? "[]", StorageJsonContext.Default.ListExperimentAssignment) ?? [],
        BehaviourSegments = JsonSerializer.Deserialize(e.GetString("BehaviourSegments") ?? "[]", StorageJsonContext.Default.ListString) ?? [],
        BehaviourExplanations = JsonSerializer.Deserialize(e.GetString("BehaviourExplanations") ?? "{}", StorageJsonContext.Default.DictionaryStringString) ?? [],
        Behaviour = e.GetString("Behaviour") is { } behaviour ? JsonSerializer.Deserialize(behaviour, StorageJsonContext.Default.CustomerBehaviour) : null,
        Prediction = e.GetDouble("PAlive") is { } pAlive
            ? new Core.Segmentation.CustomerPrediction(
                pAlive,
                e.GetDouble("ExpectedPurchases30") ?? 0,
                e.GetDouble("ExpectedPurchases90") ?? 0,
                e.GetDouble("ExpectedPurchases365") ?? 0,
                e.GetDouble("ExpectedAverageOrderValue"),
                e.GetDouble("Clv12Months")).WithPredictiveFields(e)
            : null,
        Profile = ProfileColumns.Read(e),
    };

    /// <summary>
    /// The matched clauses as JSON, within one string property's limit (64 KiB, i.e. 32K UTF-16 characters):
    /// a customer matching very many long rules keeps the explanations of the first ones, in rule order.
    /// </summary>
    private static string? RuleClausesJson(IReadOnlyDictionary<string, IReadOnlyList<string>> clauses)
    {
        const int MaxChars = 30_000;
        if (clauses.Count == 0)
        {
            return null;
        }

        var json = JsonSerializer.Serialize(clauses, StorageJsonContext.Default.IReadOnlyDictionaryStringIReadOnlyListString);
        if (json.Length <= MaxChars)
        {
            return json;
        }

        var kept = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (rule, ruleClauses) in clauses)
        {
            kept[rule] = ruleClauses;
            if (JsonSerializer.Serialize(kept, StorageJsonContext.Default.DictionaryStringIReadOnlyListString).Length > MaxChars)
            {
                kept.Remove(rule);
                break;
            }
        }

        return JsonSerializer.Serialize(kept, StorageJsonContext.Default.DictionaryStringIReadOnlyListString);
    }

    private static DateOnly? ParseDate(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
