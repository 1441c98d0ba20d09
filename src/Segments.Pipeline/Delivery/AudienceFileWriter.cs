using System.Text;
using System.Text.Json;
using Segments.Core.Destinations;
using Segments.Core.Profiles;
using Segments.Pipeline.Api;
using Segments.Pipeline.Queries;
using Segments.Storage.Deliveries;
using Segments.Storage.Generations;
using Segments.Storage.Runs;

namespace Segments.Pipeline.Delivery;

/// <summary>
/// Writes an <c>audience-files</c> destination's list files for a run into <c>audiences/{destination}/{runId}/</c>: per
/// followed segment a full member file and an add/remove delta against the previous succeeded run (everyone added on the
/// first run), then <c>manifest.json</c> last, so a tool that sees the manifest finds every file. Members are filtered as
/// deliveries are (consent, control group); ids are customer ids, with the e-mail hash where the id is one.
/// </summary>
public sealed class AudienceFileWriter(AudienceFileStore files)
{
    private const string EmailPrefix = "email:";
    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the files and returns the manifest.</summary>
    public async Task<AudienceManifest> WriteAsync(
        DestinationDefinition destination,
        RunRecord run,
        IReadOnlyList<CustomerSegmentRow> rows,
        RunRecord? previous,
        IReadOnlyDictionary<string, CustomerSegmentRow> previousRows,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(previousRows);
        var folder = AudienceFileStore.FolderOf(destination.Name, run.RunId);
        var segments = SegmentRef.InRun(run).Concat(previous is null ? [] : SegmentRef.InRun(previous))
            .Where(s => destination.Follows(s.Id))
            .DistinctBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        var entries = new List<AudienceManifestEntry>();
        foreach (var segment in segments)
        {
            var now = rows.Where(r => Included(destination, r, segment)).Select(r => r.CustomerId).ToHashSet(StringComparer.Ordinal);
            var before = previousRows.Values.Where(r => Included(destination, r, segment)).Select(r => r.CustomerId).ToHashSet(StringComparer.Ordinal);
            var added = now.Where(id => !before.Contains(id)).Order(StringComparer.Ordinal).ToList();
            var removed = before.Where(id => !now.Contains(id)).Order(StringComparer.Ordinal).ToList();
            var name = FileNameOf(segment.Id);
            var membersFile = $"{folder}{name}.members.csv";
            var deltaFile = $"{folder}{name}.delta.csv";
            await files.WriteAsync(membersFile, Csv(["customer_id", "email_hash"], now.Order(StringComparer.Ordinal).Select(id => new[] { id, EmailHashOf(id) })), cancellationToken).ConfigureAwait(false);
            await files.WriteAsync(
                deltaFile,
                Csv(["op", "customer_id", "email_hash"], added.Select(id => new[] { "add", id, EmailHashOf(id) }).Concat(removed.Select(id => new[] { "remove", id, EmailHashOf(id) }))),
                cancellationToken).ConfigureAwait(false);
            entries.Add(new AudienceManifestEntry(segment.Id, membersFile, deltaFile, now.Count, added.Count, removed.Count));
        }

        var manifest = new AudienceManifest(destination.Name, run.RunId, previous?.RunId, entries);
        await files.WriteAsync(folder + "manifest.json", JsonSerializer.Serialize(manifest, ManifestJson), cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    private static bool Included(DestinationDefinition destination, CustomerSegmentRow row, SegmentRef segment)
    {
        if (!segment.Contains(row))
        {
            return false;
        }

        var group = row.ExperimentGroups.FirstOrDefault(g => string.Equals(g.Segment, segment.Id, StringComparison.Ordinal))?.Group;
        return !(destination.HoldBackControlGroup && ControlGroup.Is(group))
            && (destination.Consent is not { } channel || MarketingConsent.Of(row.Profile).Allows(channel));
    }

    // Ids hashed from an e-mail at ingest (email:<hex>) carry the hash tools match on; other ids have none.
    private static string EmailHashOf(string customerId) =>
        customerId.StartsWith(EmailPrefix, StringComparison.Ordinal) ? customerId[EmailPrefix.Length..] : string.Empty;

    private static string FileNameOf(string segmentId) =>
        new(segmentId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray());

    private static string Csv(string[] header, IEnumerable<string[]> lines)
    {
        var text = new StringBuilder(CsvCell.Line(header));
        foreach (var line in lines)
        {
            text.Append(CsvCell.Line(line));
        }

        return text.ToString();
    }
}
