using System.Diagnostics;
using Segments.Core.Ingest;
using Segments.Core.Ingest.Chunked;
using Segments.Core.Transactions;

namespace Segments.Bench.Ingest;

/// <summary>
/// What the blob trigger does with one export, minus storage: <see cref="ExportProcessor"/> parses and
/// normalises the file and every accepted line is written in <see cref="NormalizedBatchFormat"/> (by <see cref="NormalizedBatchWriter"/>, as the trigger does) to a sink
/// that discards it (the trigger gzips it into a blob, and hashes the input, neither of which is measured here).
/// </summary>
internal static class IngestPath
{
    /// <summary>The variable that makes this path (and the peak-memory child, which inherits it) read sequentially.</summary>
    public const string SequentialVariable = "SEGMENTS_BENCH_SEQUENTIAL";

    /// <summary>Parallel chunks as in production, or the sequential parser when <see cref="SequentialVariable"/> is 1.</summary>
    public static ChunkingSettings Chunking { get; } =
        Environment.GetEnvironmentVariable(SequentialVariable) == "1" ? ChunkingSettings.Sequential : ChunkingSettings.Default;

    public static async Task<IngestRun> RunAsync(string path)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var sink = new CountingSink();
        var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (input.ConfigureAwait(false))
        {
            var output = new NormalizedBatchWriter(sink);
            IngestReport report;
            await using (output.ConfigureAwait(false))
            {
                await output.WriteHeaderAsync().ConfigureAwait(false);
                report = await new ExportProcessor(ExportContext.Default) { Chunking = Chunking }.ProcessAsync(
                    input,
                    new ExportSource(Path.GetFileName(path)),
                    line => output.WriteAsync(line),
                    _ => ValueTask.CompletedTask,
                    CancellationToken.None).ConfigureAwait(false);
            }

            if (report.IsRejected)
            {
                throw new InvalidOperationException($"{path} was rejected: {report.Rejection}");
            }

            var seconds = stopwatch.Elapsed.TotalSeconds;
            return new IngestRun(input.Length, seconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, report.RowsRead, report.RowsAccepted, sink.BytesWritten);
        }
    }
}

/// <summary>One timed ingest; CPU seconds are the whole process's (all threads, the GC's included).</summary>
internal sealed record IngestRun(long InputBytes, double Seconds, double CpuSeconds, long RowsRead, long RowsAccepted, long OutputBytes);
