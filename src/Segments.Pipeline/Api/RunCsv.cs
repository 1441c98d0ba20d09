using System.Globalization;
using System.Text;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Api;

/// <summary><c>GET /api/runs?format=csv</c>: the Runs ledger as a spreadsheet, one run per line, newest first.</summary>
public static class RunCsv
{
    /// <summary>The stages whose milliseconds get a column each (the recompute's own stages).</summary>
    public static IReadOnlyList<string> Stages { get; } = [Recompute.RunStages.Read, Recompute.RunStages.Score, Recompute.RunStages.Write, Recompute.RunStages.Flip];

    /// <summary>The whole document: a header line and a line per run.</summary>
    public static string Of(IEnumerable<RunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var text = new StringBuilder();
        text.Append(CsvCell.Line(
        [
            "runId", "asOf", "status", "trigger", "requestedAt", "startedAt", "finishedAt", "durationMs",
            .. Stages.Select(s => s + "Ms"), "batchesRead", "transactionsRead", "customersScored", "costUsd", "error",
        ]));
        foreach (var run in runs)
        {
            text.Append(CsvCell.Line(
            [
                run.RunId, run.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), run.Status, run.Trigger,
                Time(run.RequestedAt), Time(run.StartedAt), Time(run.FinishedAt),
                run.StartedAt is { } start && run.FinishedAt is { } end ? Number((long)(end - start).TotalMilliseconds) : null,
                .. Stages.Select(s => run.StageDurationsMs.TryGetValue(s, out var ms) ? Number(ms) : null),
                Number(run.BatchesRead), Number(run.TransactionsRead), Number(run.CustomersScored),
                run.CostUsd?.Total.ToString(CultureInfo.InvariantCulture), run.Error,
            ]));
        }

        return text.ToString();
    }

    private static string? Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
