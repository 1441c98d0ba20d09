using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Segments.Pipeline.Configuration;
using Segments.Pipeline.Ingest;
using Segments.Pipeline.Recompute;
using Segments.Pipeline.State;
using Segments.Storage.Account;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;
using Segments.Storage.Runs;

/// <summary>
/// The daily run's read stage with the state against today's (every batch read again): daily files ingested one by
/// one; after the first and the last, a run of each kind (same as-of, same data); in between, the state is merged as
/// each day's run would merge it (refresh only, timed), so the last run merges one day.
/// </summary>
internal static class DailyRuns
{
    public static async Task RunAsync(string connectionString, string directory)
    {
        var files = Directory.GetFiles(directory, "day-*.csv").Order(StringComparer.Ordinal).ToList();
        await using var withState = new ServiceCollection().AddLogging().AddSegmentsPipeline(connectionString).BuildServiceProvider();
        await using var withoutState = new ServiceCollection().AddLogging().AddSegmentsPipeline(connectionString)
            .AddSingleton(Options.Create(new SegmentsOptions { ReadRunsFromState = false }))
            .BuildServiceProvider();
        var account = withState.GetRequiredService<StorageAccount>();
        await account.EnsureReadyAsync(CancellationToken.None);
        Console.WriteLine($"{files.Count} daily files from {directory}; load {Load()}");
        Console.WriteLine("| after batch | lines accepted so far | read stage today ms | read stage with state ms | state | × today | blob requests today / with state | peak working set today / with state MB |");
        Console.WriteLine("|---:|---:|---:|---:|---|---:|---:|---:|");
        var merges = new List<double>();
        long lines = 0;
        for (var k = 1; k <= files.Count; k++)
        {
            var file = files[k - 1];
            await using (var stream = File.OpenRead(file))
            {
                var blob = await new DropZone(account).UploadAsync(Path.GetFileName(file), stream, CancellationToken.None);
                var batch = await withState.GetRequiredService<ExportIngestHandlers>().Orders.IngestAsync(blob, CancellationToken.None);
                lines += batch.RowsAccepted;
            }

            // The run is as of the day after the file's day (its name ends with it).
            var asOf = DateOnly.ParseExact(Path.GetFileNameWithoutExtension(file)[^10..], "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1);
            if (k == 1 || k == files.Count)
            {
                var today = await RunAsync(withoutState, asOf);
                var state = await RunAsync(withState, asOf);
                var (t, s) = (today.StageDurationsMs["read"], state.StageDurationsMs["read"]);
                var (tr, sr) = (today.Usage!.Stages["read"], state.Usage!.Stages["read"]);
                Console.WriteLine($"| {k} | {lines:N0} | {t:N0} | {s:N0} | {(k == 1 ? "built" : "merged 1 batch")} | {(double)s / t:0.00} | {tr.Requests.Blob.Total} / {sr.Requests.Blob.Total} | {tr.PeakWorkingSetBytes / 1048576} / {sr.PeakWorkingSetBytes / 1048576} |");
                if (today.CustomersScored != state.CustomersScored || today.TransactionsRead != state.TransactionsRead)
                {
                    throw new InvalidOperationException($"the runs differ: {today.CustomersScored} / {state.CustomersScored} customers, {today.TransactionsRead} / {state.TransactionsRead} lines");
                }
            }
            else
            {
                var accepted = AcceptedBatches.NewestFirst(await withState.GetRequiredService<BatchLedger>().ListAsync(CancellationToken.None));
                var watch = Stopwatch.StartNew();
                var refresh = await withState.GetRequiredService<RunStateReader>().RefreshAsync("bench", accepted, CancellationToken.None);
                merges.Add(watch.Elapsed.TotalMilliseconds);
                if (refresh.Plan.Action != StateAction.Merge)
                {
                    throw new InvalidOperationException($"batch {k}: the state was not merged: {refresh.Plan.Reason}");
                }
            }
        }

        if (merges.Count > 0)
        {
            var sorted = merges.Order().ToList();
            Console.WriteLine($"merging one day into the state (batches 2 to {files.Count - 1}, refresh only): min {sorted[0]:N0} ms, median {sorted[sorted.Count / 2]:N0} ms, max {sorted[^1]:N0} ms");
        }

        Console.WriteLine($"load after: {Load()}");
    }

    private static async Task<RunRecord> RunAsync(ServiceProvider pipeline, DateOnly asOf)
    {
        var queued = await pipeline.GetRequiredService<RunRequests>().RequestAsync(asOf, "bench", CancellationToken.None);
        var run = await pipeline.GetRequiredService<RecomputeSegmentsHandler>().ExecuteAsync(queued.RunId, CancellationToken.None);
        return run is { Status: RunStatus.Succeeded } ? run : throw new InvalidOperationException($"run {queued.RunId} did not succeed: {run?.Error}");
    }

    private static string Load() => File.ReadAllText("/proc/loadavg").Trim();
}
