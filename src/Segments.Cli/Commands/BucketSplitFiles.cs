using Segments.Core.Ingest;
using Segments.Core.Transactions;
using Segments.Storage.Account;

namespace Segments.Cli.Commands;

/// <summary>
/// An export parsed once into one normalised file per customer bucket (<see cref="CustomerBucket"/>, as the generation
/// table partitions customers) in a temporary folder, then read back one bucket at a time: how the CLI's bucketed
/// commands hold one bucket's lines in memory at a time, as a bucketed run does. Disposing removes the folder.
/// </summary>
internal sealed class BucketSplitFiles : IDisposable
{
    private readonly DirectoryInfo _work;

    private BucketSplitFiles(DirectoryInfo work) => _work = work;

    /// <summary>Parses <paramref name="input"/> into <paramref name="buckets"/> files; also returns the ingest report and the latest order date.</summary>
    public static async Task<(BucketSplitFiles Files, IngestReport Report, DateOnly? Latest)> SplitAsync(
        FileInfo input, ExportSource source, ExportContext context, int buckets, CancellationToken cancellationToken)
    {
        var files = new BucketSplitFiles(Directory.CreateTempSubdirectory("segments-buckets-"));
        try
        {
            var (report, latest) = await files.WriteAsync(input, source, context, buckets, cancellationToken).ConfigureAwait(false);
            return (files, report, latest);
        }
        catch
        {
            files.Dispose();
            throw;
        }
    }

    /// <summary>The lines of <paramref name="bucket"/>, in the export's order; empty when it has none.</summary>
    public async Task<List<TransactionLine>> ReadAsync(int bucket, CancellationToken cancellationToken)
    {
        var lines = new List<TransactionLine>();
        var path = PathOf(bucket);
        if (!File.Exists(path))
        {
            return lines;
        }

        using var reader = new StreamReader(path, NormalizedBatchFormat.Encoding);
        await foreach (var line in NormalizedBatchFormat.ReadAsync(reader, cancellationToken).ConfigureAwait(false))
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <inheritdoc/>
    public void Dispose() => _work.Delete(recursive: true);

    private async Task<(IngestReport Report, DateOnly? Latest)> WriteAsync(FileInfo input, ExportSource source, ExportContext context, int buckets, CancellationToken cancellationToken)
    {
        var writers = new StreamWriter?[buckets];
        DateOnly? latest = null;
        try
        {
            var stream = input.OpenRead();
            await using (stream.ConfigureAwait(false))
            {
                var report = await new ExportProcessor(context).ProcessAsync(
                    stream,
                    source,
                    line =>
                    {
                        latest = latest is { } l && l >= line.OrderDate ? l : line.OrderDate;
                        var bucket = CustomerBucket.IndexOf(line.CustomerId, buckets);
                        var writer = writers[bucket] ??= Open(bucket);
                        return new ValueTask(NormalizedBatchFormat.WriteAsync(writer, line));
                    },
                    _ => ValueTask.CompletedTask,
                    cancellationToken).ConfigureAwait(false);
                return (report, latest);
            }
        }
        finally
        {
            foreach (var writer in writers.OfType<StreamWriter>())
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private string PathOf(int bucket) => Path.Combine(_work.FullName, $"bucket={bucket:D4}.csv");

    private StreamWriter Open(int bucket)
    {
        var writer = new StreamWriter(PathOf(bucket), append: false, NormalizedBatchFormat.Encoding);
        writer.WriteLine(NormalizedBatchFormat.Header);
        return writer;
    }
}
