using System.IO.Compression;
using Segments.Core.Events;
using Segments.Core.Ingest;
using Segments.Core.Transactions;

namespace Segments.Cli.Commands;

/// <summary>Reads events files (JSON Lines, plain or gzip) the way the blob path does, for <c>validate</c> and <c>analyze</c>.</summary>
internal static class EventFilesReader
{
    /// <summary>Rejected lines printed per file; the rest are counted.</summary>
    public const int MaxErrorsShown = 20;

    /// <summary>
    /// Reads <paramref name="file"/>, handing every event to <paramref name="keep"/> (null to count only, which keeps
    /// memory flat however large the file).
    /// </summary>
    public static async Task<EventFileReport> ReadAsync(FileInfo file, IngestOptions ingest, Action<BehaviourEvent>? keep, CancellationToken cancellationToken)
    {
        var reader = new EventLinesReader(new CustomerIdPolicy(ingest), new EventReadOptions { Now = DateTimeOffset.UtcNow, MaxRecordChars = ingest.MaxRecordChars });
        if (keep is null)
        {
            return await CountAsync(file, reader, ingest, cancellationToken).ConfigureAwait(false);
        }

        var byKind = new Dictionary<EventKind, long>();
        var errors = new List<RowError>();
        long accepted = 0, rejected = 0;
        var stream = await OpenAsync(file, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var line in reader.ReadAsync(stream, cancellationToken).ConfigureAwait(false))
            {
                if (line.Event is { } read)
                {
                    accepted++;
                    byKind[read.Kind] = byKind.GetValueOrDefault(read.Kind) + 1;
                    keep?.Invoke(read);
                }
                else
                {
                    rejected++;
                    if (errors.Count < MaxErrorsShown)
                    {
                        errors.Add(line.Error!);
                    }
                }
            }
        }

        return new EventFileReport(file.Name, reader.Dialect, accepted, rejected, byKind, errors, ingest.MaxRejectedFraction);
    }

    /// <summary>Counts a file's lines without building its events, which keeps both CPU and memory low however large the file.</summary>
    private static async Task<EventFileReport> CountAsync(FileInfo file, EventLinesReader reader, IngestOptions ingest, CancellationToken cancellationToken)
    {
        var stream = await OpenAsync(file, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var counts = await reader.CountAsync(stream, MaxErrorsShown, cancellationToken).ConfigureAwait(false);
            return new EventFileReport(file.Name, counts.Dialect, counts.Accepted, counts.Rejected, counts.ByKind, counts.FirstErrors, ingest.MaxRejectedFraction);
        }
    }

    /// <summary>The file's bytes, un-gzipped when it starts with the gzip magic number (whatever its name).</summary>
    private static async Task<Stream> OpenAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var raw = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var magic = new byte[2];
        var read = await raw.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        raw.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(raw, CompressionMode.Decompress) : raw;
    }
}
