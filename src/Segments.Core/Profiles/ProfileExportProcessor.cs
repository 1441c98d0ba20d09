using Segments.Core.Ingest;

namespace Segments.Core.Profiles;

/// <summary>
/// Reads one customer export to the end, hands accepted records and row errors to the caller, and decides
/// whether the file as a whole is accepted, by the same bad-row threshold as order exports.
/// </summary>
public sealed class ProfileExportProcessor(ProfileExportContext context)
{
    /// <summary>
    /// Streams <paramref name="stream"/>. <paramref name="batchTime"/> dates records without an update time, to
    /// find the newest record of a customer within the file. When the report says the file is rejected, the
    /// caller must discard what it was given.
    /// </summary>
    public async Task<ProfileIngestReport> ProcessAsync(
        Stream stream,
        ExportSource file,
        DateTimeOffset batchTime,
        Func<ProfileRecord, ValueTask> onAccepted,
        Func<RowError, ValueTask> onRejected,
        CancellationToken cancellationToken)
    {
        var (reader, rejection) = await ProfileFileReader.OpenAsync(stream, file, context, cancellationToken).ConfigureAwait(false);
        if (reader is null)
        {
            return new ProfileIngestReport(IngestReport.Unread(rejection), 0, 0, []);
        }

        await using (reader.ConfigureAwait(false))
        {
            var feed = new ExportRowFeed<ProfileRecord>(onAccepted, onRejected);
            var merger = new ProfileMerger();
            var failure = await feed.ReadToEndAsync(
                async () =>
                {
                    await foreach (var row in reader.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
                    {
                        if (row.Record is { } record)
                        {
                            merger.Add(record, batchTime);
                        }

                        await feed.AddAsync(row.Status, row.Record, row.Error).ConfigureAwait(false);
                    }
                },
                context.Options.MaxRejectedFraction).ConfigureAwait(false);
            var rows = feed.Report(reader.Mapping.Name, reader.Format, failure);
            return new ProfileIngestReport(rows, merger.Customers, merger.ConflictingCustomers, merger.ConflictExamples);
        }
    }
}
