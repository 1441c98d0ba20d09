using Segments.Core.Profiles;
using Segments.Storage.Batches;
using Segments.Storage.Blobs;

namespace Segments.Pipeline.Recompute;

/// <summary>
/// Reads every accepted customer export's normalised batch, oldest first, into a <see cref="ProfileMerger"/>:
/// the newest record of each customer wins by its update time, else by the time its batch was accepted.
/// </summary>
public sealed class ProfileBatchReader(BatchLedger batches, NormalizedBatchStore normalized)
{
    /// <summary>The merged profiles and how many customer exports were read.</summary>
    public async Task<(ProfileMerger Profiles, int BatchesRead)> ReadAsync(CancellationToken cancellationToken)
    {
        var accepted = (await batches.ListAsync(BatchKind.Profiles, cancellationToken).ConfigureAwait(false))
            .Where(b => b.Status == BatchStatus.Accepted && b.NormalizedBlob is not null)
            .OrderBy(b => b.AcceptedAt ?? b.ReceivedAt)
            .ThenBy(b => b.BlobName, StringComparer.Ordinal)
            .ToList();
        var merger = new ProfileMerger();
        foreach (var batch in accepted)
        {
            var batchTime = batch.AcceptedAt ?? batch.ReceivedAt;
            var stream = await normalized.OpenReadAsync(batch.NormalizedBlob!, cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream, NormalizedProfileFormat.Encoding);
            await foreach (var record in NormalizedProfileFormat.ReadAsync(reader, cancellationToken).ConfigureAwait(false))
            {
                merger.Add(record, batchTime);
            }
        }

        return (merger, accepted.Count);
    }
}
